// English and Japanese. The respondent's pages are translated in full (the questionnaire's own
// texts come from the service in both languages); the staff and coordinator pages use English
// with Japanese for the shared frame.
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { LocalizedText } from './api/surveys';

export type Lang = 'en' | 'ja';

const en = {
  'app.name': 'Exchange portal',
  'skip': 'Skip to main content',
  'lang.switch': '日本語',
  'lang.switchLabel': 'Switch language to Japanese',
  'survey.loading': 'Loading the questionnaire ...',
  'survey.notFound': 'This invitation link is not valid. Check that you copied the whole link from your e-mail.',
  'survey.closed': 'This survey round is closed: responses are no longer accepted.',
  'survey.respondBy': 'Please respond by {date}.',
  'survey.for': 'Invitation for {name}',
  'survey.required': 'required',
  'survey.requiredLegend': 'Questions marked * need an answer.',
  'survey.save': 'Save and continue later',
  'survey.saving': 'Saving ...',
  'survey.saved': 'Your answers were saved at {time}. You can close this page and come back with the same link.',
  'survey.submit': 'Submit my answers',
  'survey.submitting': 'Submitting ...',
  'survey.confirm': 'Submit now? You cannot change your answers afterwards.',
  'survey.thanks': 'Thank you. Your response was submitted.',
  'survey.receipt': 'Receipt: {count} answers, submitted {time}. Reference {digest}.',
  'survey.alreadySubmitted': 'You have already submitted this survey. Thank you.',
  'survey.missing': 'This question needs an answer.',
  'survey.errorsTitle': 'Some answers need your attention',
  'survey.maxSelections': 'Choose at most {n}.',
  'survey.chooseAll': 'Choose all that apply.',
  'survey.chooseOne': 'Choose one.',
  'survey.scaleFrom': '{min} = {minLabel}, {max} = {maxLabel}',
  'survey.number': 'Number',
  'survey.unit': 'in {unit}',
  'survey.progress': '{answered} of {asked} questions answered',
  'survey.resumed': 'Welcome back: your saved answers are filled in.',
  'survey.unavailable': 'The survey service cannot be reached right now. Your answers on this page are kept; try again in a moment.',
  'survey.textLimit': 'At most 4000 characters.',
};

type Key = keyof typeof en;

const ja: Record<Key, string> = {
  'app.name': 'Exchange ポータル',
  'skip': 'メインコンテンツへ移動',
  'lang.switch': 'English',
  'lang.switchLabel': '英語に切り替える',
  'survey.loading': 'アンケートを読み込んでいます…',
  'survey.notFound': 'この招待リンクは無効です。メールのリンクを最後までコピーしたかご確認ください。',
  'survey.closed': 'この調査は締め切られました。回答は受け付けていません。',
  'survey.respondBy': '{date}までにご回答ください。',
  'survey.for': '{name} 様への調査依頼',
  'survey.required': '必須',
  'survey.requiredLegend': '* の付いた設問は回答が必要です。',
  'survey.save': '保存して後で続ける',
  'survey.saving': '保存しています…',
  'survey.saved': '{time} に回答を保存しました。このページを閉じても、同じリンクから続きを回答できます。',
  'survey.submit': '回答を送信する',
  'survey.submitting': '送信しています…',
  'survey.confirm': '送信しますか？送信後は回答を変更できません。',
  'survey.thanks': 'ご回答ありがとうございました。回答を送信しました。',
  'survey.receipt': '受付：回答 {count} 件、{time} 送信。照会番号 {digest}。',
  'survey.alreadySubmitted': 'この調査には既に回答済みです。ありがとうございました。',
  'survey.missing': 'この設問への回答が必要です。',
  'survey.errorsTitle': '確認が必要な回答があります',
  'survey.maxSelections': '{n} 個まで選択できます。',
  'survey.chooseAll': '当てはまるものをすべて選んでください。',
  'survey.chooseOne': '一つ選んでください。',
  'survey.scaleFrom': '{min} = {minLabel}、{max} = {maxLabel}',
  'survey.number': '数値',
  'survey.unit': '単位：{unit}',
  'survey.progress': '{asked} 問中 {answered} 問回答済み',
  'survey.resumed': 'おかえりなさい。保存した回答を表示しています。',
  'survey.unavailable': '現在、調査サービスに接続できません。このページの回答は保持されています。しばらくしてから再度お試しください。',
  'survey.textLimit': '4000 文字まで入力できます。',
};

const dictionaries: Record<Lang, Record<Key, string>> = { en, ja };

function initialLang(): Lang {
  const stored = localStorage.getItem('exchange.lang');
  if (stored === 'en' || stored === 'ja') return stored;
  return navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: Key, values?: Record<string, string | number>) => string;
  /** A text from the service in the chosen language; English when the Japanese one is missing. */
  text: (value: LocalizedText | undefined) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = (next: Lang) => {
    localStorage.setItem('exchange.lang', next);
    document.documentElement.lang = next;
    setLangState(next);
  };
  document.documentElement.lang = lang;
  const t = (key: Key, values?: Record<string, string | number>) =>
    dictionaries[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''));
  const text = (value: LocalizedText | undefined) => (lang === 'ja' && value?.ja ? value.ja : value?.en ?? '');
  return <I18nContext.Provider value={{ lang, setLang, t, text }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <button type="button" className="link-button" lang={lang === 'en' ? 'ja' : 'en'} title={t('lang.switchLabel')}
      onClick={() => setLang(lang === 'en' ? 'ja' : 'en')}>
      {t('lang.switch')}
    </button>
  );
}
