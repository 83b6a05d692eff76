// exchange.surveys.v1: Surveys (coordinators, with the API key) and SurveyResponses (respondents,
// the invitation token is the credential: no API key is sent).
import { unary } from './connect';
import type { PageRequest, PDate, Timestamp } from './common';
import { rpc, rpcStream } from './session';

export interface LocalizedText {
  en?: string;
  ja?: string;
}

export type QuestionKind =
  | 'QUESTION_KIND_UNSPECIFIED' | 'QUESTION_KIND_SINGLE_CHOICE' | 'QUESTION_KIND_MULTIPLE_CHOICE'
  | 'QUESTION_KIND_SCALE' | 'QUESTION_KIND_NUMBER' | 'QUESTION_KIND_FREE_TEXT';

export interface Option {
  id?: string;
  label?: LocalizedText;
  exclusive?: boolean;
}

export interface Question {
  id?: string;
  kind?: QuestionKind;
  text?: LocalizedText;
  section?: LocalizedText;
  options?: Option[];
  required?: boolean;
  condition?: { questionId?: string; anyOfOptionIds?: string[] };
  maxSelections?: number;
  scale?: { min?: number; max?: number; minLabel?: LocalizedText; maxLabel?: LocalizedText };
  number?: { min?: number; max?: number; unit?: string };
}

export interface Questionnaire {
  id?: string;
  version?: number;
  title?: LocalizedText;
  description?: LocalizedText;
  purpose?: string;
  questions?: Question[];
}

export interface Answer {
  questionId: string;
  optionIds?: string[];
  scaleValue?: number;
  numberValue?: number;
  text?: string;
}

export type InvitationStatus =
  | 'INVITATION_STATUS_UNSPECIFIED' | 'INVITATION_STATUS_SENT' | 'INVITATION_STATUS_IN_PROGRESS' | 'INVITATION_STATUS_SUBMITTED';

export interface SurveyResponse {
  invitationId?: string;
  status?: InvitationStatus;
  answers?: Answer[];
  savedAt?: Timestamp;
  submittedAt?: Timestamp;
}

export interface InvitationView {
  invitationId?: string;
  roundTitle?: LocalizedText;
  roundStatus?: 'ROUND_STATUS_UNSPECIFIED' | 'ROUND_STATUS_OPEN' | 'ROUND_STATUS_CLOSED';
  respondBy?: PDate;
  respondent?: { name?: string; organisationName?: string; role?: string };
  questionnaire?: Questionnaire;
  response?: SurveyResponse;
}

export interface SubmissionReceipt {
  invitationId?: string;
  roundId?: string;
  submittedAt?: Timestamp;
  answerCount?: number;
  answersDigest?: string;
}

export interface ResponseRate {
  sent?: number;
  valid?: number;
  ratePercent?: number;
  inProgress?: number;
  line?: string;
}

export interface SurveyRound {
  id?: string;
  title?: LocalizedText;
  questionnaireId?: string;
  questionnaireVersion?: number;
  purpose?: string;
  status?: string;
  fiscalYear?: number;
  responseRate?: ResponseRate;
}

export type Band = 'BAND_UNSPECIFIED' | 'BAND_NONE' | 'BAND_33_TO_50' | 'BAND_50_TO_66' | 'BAND_OVER_66';

export interface TableCell {
  count?: number;
  columnSharePercent?: number;
  band?: Band;
}

export interface CrossTab {
  questionId?: string;
  questionText?: LocalizedText;
  questionKind?: QuestionKind;
  byAttribute?: string;
  columns?: { value?: string; label?: string; respondents?: number }[];
  rows?: { value?: string; label?: LocalizedText; cells?: TableCell[]; total?: TableCell }[];
  respondents?: number;
  notAnswered?: number;
  csv?: string;
}

const surveys = 'exchange.surveys.v1.Surveys/';
const responses = 'exchange.surveys.v1.SurveyResponses/';

export const surveysApi = {
  listRounds: (page?: PageRequest) =>
    rpc<object, { rounds?: SurveyRound[]; nextPageToken?: string; totalCount?: number }>(surveys + 'ListSurveyRounds', { page }),
  questionnaire: (questionnaireId: string, version: number) =>
    rpc<object, Questionnaire>(surveys + 'GetQuestionnaire', { questionnaireId, version }),
  crossTabulate: (roundIds: string[], questionId: string, byAttribute: string) =>
    rpc<object, CrossTab>(surveys + 'CrossTabulate', { selection: { roundIds }, questionId, byAttribute }),
  exportResponses: async (roundIds: string[]) => {
    const chunks = await rpcStream<object, { fileName?: string; text?: string }>(surveys + 'ExportResponses', { selection: { roundIds } });
    return { fileName: chunks[0]?.fileName ?? 'responses.csv', csv: chunks.map((c) => c.text ?? '').join('') };
  },
};

export const respondentApi = {
  getInvitation: (token: string) => unary<object, InvitationView>(responses + 'GetInvitation', { token }),
  save: (token: string, answers: Answer[]) => unary<object, SurveyResponse>(responses + 'SaveAnswers', { token, answers }),
  submit: (token: string, answers: Answer[]) => unary<object, SubmissionReceipt>(responses + 'SubmitResponse', { token, answers }),
};

export const bandLabels: Record<Band, string> = {
  BAND_UNSPECIFIED: '',
  BAND_NONE: 'below 33 %',
  BAND_33_TO_50: '33-50 %',
  BAND_50_TO_66: '50-66 %',
  BAND_OVER_66: 'over 66 %',
};
