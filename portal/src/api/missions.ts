// exchange.missions.v1.Missions, the calls the portal makes (protos/exchange/missions/v1/missions.proto).
import type { PageRequest, PDate, Timestamp } from './common';
import type { AchievementKind } from './projects';
import { rpc } from './session';

export type SupportTool =
  | 'SUPPORT_TOOL_UNSPECIFIED' | 'SUPPORT_TOOL_WORKSHOP_IN_JAPAN' | 'SUPPORT_TOOL_BASIC_SURVEY_OVERSEAS'
  | 'SUPPORT_TOOL_SURVEY_WITH_BUSINESS_TRIP' | 'SUPPORT_TOOL_EXPERT_INVITATION' | 'SUPPORT_TOOL_OVERSEAS_MISSION'
  | 'SUPPORT_TOOL_PARTNER_INVITATION';

export const supportTools: [SupportTool, string][] = [
  ['SUPPORT_TOOL_WORKSHOP_IN_JAPAN', 'Workshop in Japan'],
  ['SUPPORT_TOOL_BASIC_SURVEY_OVERSEAS', 'Basic survey overseas'],
  ['SUPPORT_TOOL_SURVEY_WITH_BUSINESS_TRIP', 'Survey with an overseas business trip'],
  ['SUPPORT_TOOL_EXPERT_INVITATION', 'Invitation of experts from overseas'],
  ['SUPPORT_TOOL_OVERSEAS_MISSION', 'Mission sent overseas'],
  ['SUPPORT_TOOL_PARTNER_INVITATION', 'Invitation of prospective business partners'],
];

export function toolLabel(tool: SupportTool | undefined): string {
  return supportTools.find(([t]) => t === tool)?.[1] ?? 'Coordinator contracts';
}

export type ActivityStatus =
  | 'ACTIVITY_STATUS_UNSPECIFIED' | 'ACTIVITY_STATUS_PLANNED' | 'ACTIVITY_STATUS_CONFIRMED'
  | 'ACTIVITY_STATUS_COMPLETED' | 'ACTIVITY_STATUS_CANCELLED';

export type Funding = 'FUNDING_UNSPECIFIED' | 'FUNDING_PROGRAMME' | 'FUNDING_PRIVATE_EXPENSE';

export type OrganisationKind =
  | 'ORGANISATION_KIND_UNSPECIFIED' | 'ORGANISATION_KIND_COMPANY' | 'ORGANISATION_KIND_UNIVERSITY_OR_RESEARCH'
  | 'ORGANISATION_KIND_GOVERNMENT' | 'ORGANISATION_KIND_SUPPORT_ORGANISATION' | 'ORGANISATION_KIND_INDIVIDUAL_EXPERT'
  | 'ORGANISATION_KIND_OTHER';

export const organisationKinds: [OrganisationKind, string][] = [
  ['ORGANISATION_KIND_COMPANY', 'Company'],
  ['ORGANISATION_KIND_UNIVERSITY_OR_RESEARCH', 'University or research institute'],
  ['ORGANISATION_KIND_GOVERNMENT', 'Government'],
  ['ORGANISATION_KIND_SUPPORT_ORGANISATION', 'Chamber, agency or association'],
  ['ORGANISATION_KIND_INDIVIDUAL_EXPERT', 'Expert in their own name'],
  ['ORGANISATION_KIND_OTHER', 'Other'],
];

export type MeetingResult =
  | 'MEETING_RESULT_UNSPECIFIED' | 'MEETING_RESULT_INFORMATION_EXCHANGE' | 'MEETING_RESULT_FOLLOW_UP_AGREED'
  | 'MEETING_RESULT_NEGOTIATION' | 'MEETING_RESULT_CONTRACT';

export const meetingResults: [MeetingResult, string][] = [
  ['MEETING_RESULT_INFORMATION_EXCHANGE', 'Information exchange'],
  ['MEETING_RESULT_FOLLOW_UP_AGREED', 'Follow-up agreed'],
  ['MEETING_RESULT_NEGOTIATION', 'Negotiation'],
  ['MEETING_RESULT_CONTRACT', 'Contract'],
];

export interface Place {
  name?: string;
  country?: string;
}

export interface OrganisationRef {
  id?: string;
  name?: string;
  country?: string;
  kind?: OrganisationKind;
}

export interface RosterEntry {
  id?: string;
  name?: string;
  organisation?: OrganisationRef;
  role?: string;
  country?: string;
  funding?: Funding;
  delegate?: boolean;
}

export interface Meeting {
  id?: string;
  counterpart?: OrganisationRef;
  date?: PDate;
  topic?: string;
  result?: MeetingResult;
}

export interface Outcome {
  id?: string;
  kind?: AchievementKind;
  achievedOn?: PDate;
  description?: string;
}

export interface StatusChange {
  status?: ActivityStatus;
  reason?: string;
  changedBy?: string;
  changedAt?: Timestamp;
}

export interface Activity {
  id?: string;
  projectId?: string;
  fiscalYear?: number;
  supportTool?: SupportTool;
  direction?: string;
  title?: string;
  purpose?: string;
  startDate?: PDate;
  endDate?: PDate;
  places?: Place[];
  status?: ActivityStatus;
  statusReason?: string;
  roster?: RosterEntry[];
  meetings?: Meeting[];
  outcomes?: Outcome[];
  fundedPersons?: number;
  privateExpensePersons?: number;
  version?: string;
  history?: StatusChange[];
}

export interface PlanActivityRequest {
  requestId: string;
  projectId: string;
  fiscalYear?: number;
  supportTool: SupportTool;
  title: string;
  purpose: string;
  startDate?: PDate;
  endDate?: PDate;
  places: Place[];
}

export interface PersonInput {
  name: string;
  organisation: OrganisationRef;
  role: string;
  country?: string;
  funding: Funding;
}

export interface RecordMeetingRequest {
  activityId: string;
  counterpart: OrganisationRef;
  date?: PDate;
  topic: string;
  result: MeetingResult;
  expectedVersion?: string;
}

export interface ReportOutcomeRequest {
  activityId: string;
  outcomeId: string;
  kind: AchievementKind;
  achievedOn?: PDate;
  description: string;
}

export interface ProjectSummary {
  projectId?: string;
  projectTitle?: string;
  completedActivities?: number;
  openActivities?: number;
  lines?: string[];
}

const service = 'exchange.missions.v1.Missions/';

export const missionsApi = {
  plan: (request: PlanActivityRequest) => rpc<PlanActivityRequest, Activity>(service + 'PlanActivity', request),
  get: (activityId: string) => rpc<{ activityId: string }, Activity>(service + 'GetActivity', { activityId }),
  list: (projectId: string, page?: PageRequest) =>
    rpc<{ projectId: string; page?: PageRequest }, { activities?: Activity[]; nextPageToken?: string }>(service + 'ListActivities', { projectId, page }),
  confirm: (activityId: string, expectedVersion?: string) => rpc<object, Activity>(service + 'ConfirmActivity', { activityId, expectedVersion }),
  complete: (activityId: string, expectedVersion?: string) => rpc<object, Activity>(service + 'CompleteActivity', { activityId, expectedVersion }),
  cancel: (activityId: string, reason: string, expectedVersion?: string) =>
    rpc<object, Activity>(service + 'CancelActivity', { activityId, reason, expectedVersion }),
  addRosterEntry: (activityId: string, person: PersonInput, expectedVersion?: string) =>
    rpc<object, Activity>(service + 'AddRosterEntry', { activityId, person, expectedVersion }),
  removeRosterEntry: (activityId: string, entryId: string, expectedVersion?: string) =>
    rpc<object, Activity>(service + 'RemoveRosterEntry', { activityId, entryId, expectedVersion }),
  recordMeeting: (request: RecordMeetingRequest) => rpc<RecordMeetingRequest, Activity>(service + 'RecordMeeting', request),
  reportOutcome: (request: ReportOutcomeRequest) => rpc<ReportOutcomeRequest, Activity>(service + 'ReportOutcome', request),
  projectSummary: (projectId: string) => rpc<object, ProjectSummary>(service + 'GetProjectSummary', { projectId }),
  programmeSummary: (fiscalYear: number) => rpc<object, { projectCount?: number }>(service + 'GetProgrammeSummary', { fiscalYear }),
};
