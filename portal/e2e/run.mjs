// The portal's end-to-end tests: a real headless Chromium (Debian's, driven by playwright-core)
// against the platform started by platform.mjs, through the gateway that serves the portal.
// Run: node --test e2e/run.mjs (from portal/, after npm run build and dotnet build).
// Screenshots of each main page go to .state/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { call, eventually, repoRoot, startPlatform } from './platform.mjs';

const screenshots = join(repoRoot, '.state', 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fiscalYear = 2008;

let platform;
let browser;
const keys = {};
const ids = {};
const tokens = {};

const started = Date.now();
/** Progress with the seconds since the start, to see where a slow run spends its time. */
function progress(message) {
  console.log(`e2e ${((Date.now() - started) / 1000).toFixed(1)}s: ${message}`);
}

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshots, name + '.png'), fullPage: true });
}

async function newPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return page;
}

async function signIn(page, key) {
  await page.goto(platform.baseUrl + '/#/sign-in');
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const money = (amount) => ({ amount, currency: 'JPY' });

/** Answers for a questionnaire as a respondent would give them, question by question; `variant` varies the choices. */
function plannedAnswers(questions, variant) {
  const answers = {};
  const asked = (q) => {
    const c = q.condition;
    if (!c?.questionId) return true;
    const earlier = questions.find((x) => x.id === c.questionId);
    return earlier && asked(earlier) && (answers[c.questionId]?.optionIds ?? []).some((o) => (c.anyOfOptionIds ?? []).includes(o));
  };
  const plan = [];
  for (const q of questions) {
    if (!asked(q)) continue;
    const options = (q.options ?? []).filter((o) => !o.exclusive);
    let answer;
    switch (q.kind) {
      case 'QUESTION_KIND_SINGLE_CHOICE': answer = { questionId: q.id, optionIds: [options[variant % options.length].id] }; break;
      case 'QUESTION_KIND_MULTIPLE_CHOICE': answer = { questionId: q.id, optionIds: [options[variant % options.length].id] }; break;
      case 'QUESTION_KIND_SCALE': answer = { questionId: q.id, scaleValue: (q.scale?.min ?? 1) + (variant % 2) }; break;
      case 'QUESTION_KIND_NUMBER': answer = { questionId: q.id, numberValue: q.number?.min ?? 1 }; break;
      default: answer = { questionId: q.id, text: 'Regular exchange with the partner region.' };
    }
    answers[q.id] = answer;
    plan.push({ question: q, answer });
  }
  return plan;
}

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  platform = await startPlatform();
  progress(`platform ready at ${platform.baseUrl}`);
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });

  const createKey = async (organisationId, organisationName, role) =>
    (await call(platform.baseUrl, platform.adminKey, 'exchange.gateway.v1.ApiKeys/CreateKey', {
      organisationId, organisationName, role, name: 'portal end-to-end tests',
    })).apiKey;
  keys.coordinator = await createKey('programme-office', 'Programme office', 'ROLE_COORDINATOR');
  keys.staff = await createKey('hamamatsu-city', 'Hamamatsu City', 'ROLE_IMPLEMENTATION_BODY');
  keys.jena = await createKey('jena-city', 'Jena economic development', 'ROLE_OVERSEAS_PARTNER');
  keys.dalian = await createKey('dalian-city', 'Dalian Municipal Government', 'ROLE_OVERSEAS_PARTNER');

  const projects = (await call(platform.baseUrl, keys.coordinator, 'exchange.projects.v1.Projects/ListProjects', { page: { pageSize: 500 } })).projects;
  const byBody = (id) => projects.find((p) => p.domesticBody?.id === id && (p.supportedFiscalYears ?? []).includes(fiscalYear));
  ids.hamamatsu = byBody('hamamatsu-city').id;
  ids.surveyed = ['hamamatsu-city', 'toyama-pref', 'osaka-pref', 'iwate-pref', 'suwa-city', 'fukuoka-city'].map((b) => byBody(b).id);

  // What coordinators have set up before staff claim: the year's rulebook and the project's budget.
  await call(platform.baseUrl, keys.coordinator, 'exchange.claims.v1.Claims/CreateRulebookFromTemplate', { fiscalYear }).catch((e) => {
    if (e.code !== 'already_exists') throw e;
  });
  await eventually(() => call(platform.baseUrl, keys.coordinator, 'exchange.claims.v1.Claims/SetBudget', {
    projectId: ids.hamamatsu, fiscalYear,
    lines: [{ supportTool: 'SUPPORT_TOOL_OVERSEAS_MISSION', programmeShare: money('2000000'), ownShare: money('1000000') }],
    coordinatorsProgrammeShare: money('0'), coordinatorsOwnShare: money('0'),
  }), 60);

  // A survey round of six projects: one respondent answers in the browser, the others by the API.
  const round = await eventually(() => call(platform.baseUrl, keys.coordinator, 'exchange.surveys.v1.Surveys/CreateSurveyRound', {
    requestId: 'e2e-round', title: { en: 'Success factors FY2008', ja: '成功要因調査 2008年度' }, questionnaireId: 'success-factor', fiscalYear,
    projects: ids.surveyed.map((projectId) => ({ projectId })),
  }), 60);
  ids.round = round.round.id;
  for (const issued of round.invitations) tokens[issued.invitation.projectId] = issued.token;
  const view = await call(platform.baseUrl, undefined, 'exchange.surveys.v1.SurveyResponses/GetInvitation', { token: tokens[ids.hamamatsu] });
  ids.questions = view.questionnaire.questions;
  for (const [k, projectId] of ids.surveyed.slice(1).entries()) {
    const answers = plannedAnswers(ids.questions, k % 3 === 0 ? 0 : 1).map((p) => p.answer);
    await call(platform.baseUrl, undefined, 'exchange.surveys.v1.SurveyResponses/SubmitResponse', { token: tokens[projectId], answers });
  }
  progress('keys, rulebook, budget and survey round set up');
}, { timeout: 240000 });

after(async () => {
  await browser?.close();
  await platform?.stop();
});

test('a staff member logs a mission and drafts, fixes and submits a claim', { timeout: 150000 }, async () => {
  const page = await newPage();
  await page.goto(platform.baseUrl + '/');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await shoot(page, '00-sign-in');
  await signIn(page, keys.staff);
  await page.getByRole('heading', { name: 'My projects' }).waitFor();
  await assert.doesNotReject(page.getByRole('link', { name: /Hamamatsu - Jena/ }).waitFor());
  assert.equal(await page.getByRole('row').count(), 2, 'Hamamatsu City sees its one project only (header row + 1)');
  await shoot(page, '01-staff-my-projects');

  await page.getByRole('link', { name: /Hamamatsu - Jena/ }).click();
  await page.getByRole('heading', { name: 'Where the project stands' }).waitFor();
  assert.equal(await page.locator('ol.lifecycle li[aria-current="step"]').textContent(), 'Active');
  await shoot(page, '02-staff-project');

  // Plan the mission; the dates in the wrong order are refused next to the last day.
  await page.getByRole('link', { name: 'Log an activity' }).click();
  await page.getByLabel('Support tool').selectOption('SUPPORT_TOOL_OVERSEAS_MISSION');
  await page.locator('#title').fill('Optics mission to Jena');
  await page.getByLabel('Purpose').fill('Business meetings with optical companies of Jena');
  await page.getByLabel('First day').fill('2008-10-06');
  await page.getByLabel('Last day').fill('2008-10-02');
  await page.getByLabel('Place 1').fill('Jena');
  await page.getByRole('button', { name: 'Plan the activity' }).click();
  const endError = page.locator('#end-error');
  await endError.waitFor();
  assert.match(await endError.textContent(), /dates-in-order/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'end', 'the focus moves to the field in error');
  await page.getByLabel('Last day').fill('2008-10-10');
  await page.getByRole('button', { name: 'Plan the activity' }).click();
  await page.getByRole('heading', { name: 'Optics mission to Jena' }).waitFor();

  // Roster: one person funded by the programme, one at private expense.
  await page.locator('#person-name').fill('Taro Suzuki');
  await page.locator('#person-role').fill('company president');
  await page.locator('#person-org').fill('Hamamatsu Optics Co.');
  await page.getByRole('button', { name: 'Add to the roster' }).click();
  await page.getByRole('rowheader', { name: 'Taro Suzuki' }).waitFor();
  await page.locator('#person-name').fill('Hanako Ito');
  await page.locator('#person-funding').selectOption('FUNDING_PRIVATE_EXPENSE');
  await page.locator('#person-org').fill('Enshu Lens Ltd.');
  await page.getByRole('button', { name: 'Add to the roster' }).click();
  await page.getByRole('rowheader', { name: 'Hanako Ito' }).waitFor();

  await page.locator('#meeting-counterpart').fill('Jena Photonics GmbH');
  await page.locator('#meeting-country').fill('DE');
  await page.locator('#meeting-date').fill('2008-10-07');
  await page.locator('#meeting-topic').fill('Joint development of lens coatings');
  await page.locator('#meeting-result').selectOption('MEETING_RESULT_FOLLOW_UP_AGREED');
  await page.getByRole('button', { name: 'Record the meeting' }).click();
  await page.getByRole('rowheader', { name: /Jena Photonics GmbH/ }).waitFor();

  await page.getByRole('button', { name: 'Confirm the activity' }).click();
  await page.getByRole('button', { name: 'Report it completed' }).click();
  await page.getByTestId('activity-status').getByText('Completed').waitFor();

  await page.locator('#outcome-kind').selectOption('ACHIEVEMENT_KIND_AGREEMENT_OR_MOU');
  await page.locator('#outcome-date').fill('2008-11-20');
  await page.locator('#outcome-description').fill('Cooperation agreement on optical coatings');
  await page.getByRole('button', { name: 'Report the outcome' }).click();
  await page.getByText(/Cooperation agreement on optical coatings/).first().waitFor();
  await shoot(page, '03-staff-activity');

  progress('mission logged');
  // The draft claim opens from the completed activity's event.
  await page.getByRole('link', { name: 'Open the claim' }).click({ timeout: 30000 });
  await page.getByTestId('claim-status').getByText('Draft').waitFor();
  await page.getByRole('button', { name: 'Add a cost line' }).click();
  // A text box until the fiscal year's rulebook has loaded, then a list of its categories.
  await page.locator('select#line-0-category').selectOption('travel');
  await page.locator('#line-0-description').fill('Flight Tokyo - Frankfurt and back');
  await page.locator('#line-0-amount').fill('480000');
  await page.locator('#line-0-personKey').selectOption(await page.locator('#line-0-personKey option', { hasText: 'Taro Suzuki' }).getAttribute('value'));
  // Every broken rule shows while typing: the cap of travel per person, the missing receipt.
  await page.locator('#line-0-amount-error').getByText(/category-cap|cap/).waitFor({ timeout: 20000 });
  await page.locator('#line-0-attachmentId-error').waitFor();
  assert.match(await page.getByTestId('violations').textContent(), /receipt-required/);
  await shoot(page, '04-staff-claim-violations');

  // Submitting now is refused, and the refusal says why.
  await page.getByRole('button', { name: 'Submit the claim' }).click();
  await page.locator('.error-summary').getByText(/category-cap|receipt-required/).first().waitFor();
  assert.equal(await page.getByTestId('claim-status').textContent(), 'Draft');

  // Fix it: within the cap, with the receipt's reference and hash.
  await page.locator('#line-0-amount').fill('350000');
  await page.locator('#line-0-attachmentId').fill('receipt-2008-10-lh-0042');
  await page.locator('#line-0-sha256').fill('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
  await page.getByTestId('violations').getByText('No rule is broken').waitFor({ timeout: 20000 });
  await page.getByRole('button', { name: 'Submit the claim' }).click();
  await page.getByTestId('claim-status').getByText('Submitted').waitFor();
  ids.claimUrl = page.url();
  await shoot(page, '05-staff-claim-submitted');
  // The same page on a tablet in portrait.
  await page.setViewportSize({ width: 768, height: 1024 });
  await shoot(page, '05b-staff-claim-tablet');
  progress('claim submitted');

  // An achievement recorded on the project page joins the outcome reported with the mission.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${platform.baseUrl}/#/projects/${ids.hamamatsu}`);
  await page.locator('#ach-kind').selectOption('ACHIEVEMENT_KIND_TRADE_FAIR');
  await page.locator('#ach-date').fill('2009-02-10');
  await page.locator('#ach-description').fill('Joint stand at the Photonics trade fair');
  await page.getByRole('button', { name: 'Record achievement' }).click();
  await page.getByRole('cell', { name: 'Joint stand at the Photonics trade fair' }).waitFor();
  await page.context().close();
});

test('a respondent answers a survey through its link, saves, resumes and submits once', { timeout: 90000 }, async () => {
  const page = await newPage({ width: 820, height: 1180 }); // a tablet
  const link = `${platform.baseUrl}/survey/${tokens[ids.hamamatsu]}`;
  await page.goto(link);
  await page.getByRole('button', { name: 'Submit my answers' }).waitFor();

  // Required answers: submitting nothing is refused next to the questions, the focus on the first.
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await page.locator('.error-summary').waitFor();
  assert.match(await page.evaluate(() => document.activeElement?.id ?? ''), /^q-/);

  const plan = plannedAnswers(ids.questions, 0);
  const fill = async ({ question: q, answer }) => {
    const base = `#q-${q.id}`;
    if (answer.optionIds) await page.locator(`${base}-${(q.options ?? []).findIndex((o) => o.id === answer.optionIds[0])}`).check();
    else if (answer.scaleValue !== undefined) await page.locator(`${base}-${answer.scaleValue - (q.scale?.min ?? 1)}`).check();
    else if (answer.numberValue !== undefined) await page.locator(`${base}-0`).fill(String(answer.numberValue));
    else await page.locator(`${base}-0`).fill(answer.text);
  };
  const half = Math.ceil(plan.length / 2);
  for (const step of plan.slice(0, half)) await fill(step);
  await page.getByRole('button', { name: 'Save and continue later' }).click();
  await page.getByTestId('saved').waitFor();

  // Later, from the same link, in Japanese: the saved answers are there.
  await page.goto(link);
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByText('おかえりなさい').waitFor();
  const first = plan[0];
  if (first.answer.optionIds) assert.ok(await page.locator(`#q-${first.question.id}-${(first.question.options ?? []).findIndex((o) => o.id === first.answer.optionIds[0])}`).isChecked());
  for (const step of plan.slice(half)) await fill(step);
  await shoot(page, '06-respondent-questionnaire-ja');
  await page.getByRole('button', { name: '回答を送信する' }).click();
  await page.getByTestId('receipt').waitFor();
  await shoot(page, '07-respondent-submitted');

  // Once only: the link now says it was answered.
  await page.goto(link);
  await page.getByText('既に回答済み').waitFor();
  await page.context().close();
});

test('a coordinator approves the claim and sees the dashboard and a banded cross-tab', { timeout: 120000 }, async () => {
  const page = await newPage({ width: 1366, height: 900 });
  await signIn(page, keys.coordinator);
  await page.getByRole('heading', { name: 'Programme dashboard' }).waitFor();
  await page.getByRole('heading', { name: /Projects by bureau and sector/ }).waitFor();
  await page.getByTestId('waiting-count').waitFor();
  await page.getByTestId('spending-summary').waitFor();
  assert.ok((await page.locator('canvas').count()) >= 4, 'the dashboard draws its charts');
  await shoot(page, '08-coordinator-dashboard');

  const download = page.waitForEvent('download');
  await page.locator('#by-country').locator('..').getByRole('button', { name: 'Download CSV' }).click();
  assert.match((await download).suggestedFilename(), /\.csv$/);

  await page.getByRole('link', { name: 'Claims', exact: true }).click();
  await page.getByRole('heading', { name: 'Claims waiting for a decision' }).waitFor();
  await page.goto(ids.claimUrl);
  await page.getByRole('button', { name: 'Start the review' }).click();
  await page.getByTestId('claim-status').getByText('Under review').waitFor();
  await page.getByLabel('Note or reason').fill('Receipts checked.');
  await page.getByRole('button', { name: 'Approve in full' }).click();
  await page.getByTestId('claim-status').getByText('Approved').waitFor();
  await shoot(page, '09-coordinator-claim-approved');

  await page.getByRole('link', { name: 'Surveys', exact: true }).click();
  await page.getByRole('heading', { name: 'Cross-tab', exact: true }).waitFor();
  await page.getByTestId('crosstab').waitFor();
  const banded = await page.locator('[data-testid="crosstab"] td.band-33, [data-testid="crosstab"] td.band-50, [data-testid="crosstab"] td.band-66').count();
  assert.ok(banded > 0, 'some cells are shaded by their band');
  await shoot(page, '10-coordinator-crosstab');
  await page.context().close();
});

test("a partner's key cannot open another partner's project page", { timeout: 60000 }, async () => {
  const own = await newPage();
  await signIn(own, keys.jena);
  await own.goto(`${platform.baseUrl}/#/projects/${ids.hamamatsu}`);
  await own.getByRole('heading', { name: /Hamamatsu - Jena/ }).waitFor();
  assert.match(await own.getByTestId('who').textContent(), /Jena economic development.*Overseas partner/);
  await own.getByRole('heading', { name: 'Activities' }).waitFor();
  assert.equal(await own.getByRole('link', { name: 'Log an activity' }).count(), 0, 'partners do not log activities');
  await own.context().close();

  const other = await newPage();
  await signIn(other, keys.dalian);
  await other.goto(`${platform.baseUrl}/#/projects/${ids.hamamatsu}`);
  await other.getByRole('alert').getByText(/Not found/).waitFor();
  assert.equal(await other.getByRole('heading', { name: /Hamamatsu - Jena/ }).count(), 0);
  await shoot(other, '11-partner-other-project-not-found');

  // A key revoked meanwhile ends the session with a message on the sign-in page.
  const dalianKeyId = keys.dalian.split('_')[1];
  await call(platform.baseUrl, platform.adminKey, 'exchange.gateway.v1.ApiKeys/RevokeKey', { keyId: dalianKeyId, reason: 'end-to-end test' });
  await other.goto(`${platform.baseUrl}/#/projects`);
  await other.getByRole('heading', { name: 'Sign in' }).waitFor();
  await other.getByText(/Your session ended/).waitFor();
  await shoot(other, '12-session-ended');
  await other.context().close();
});
