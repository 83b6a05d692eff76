// exchange.projects.v1.Projects, the calls the portal makes (protos/exchange/projects/v1/projects.proto).
import type { DomesticRegion, FiscalYearRange, OverseasRegion, PageRequest, PDate, Sector } from './common';
import { rpc } from './session';

export type Programme = 'PROGRAMME_UNSPECIFIED' | 'PROGRAMME_REGION_TO_REGION' | 'PROGRAMME_REGIONAL_INDUSTRY_TIE_UP';

export type ProjectStatus =
  | 'PROJECT_STATUS_UNSPECIFIED' | 'PROJECT_STATUS_PROPOSED' | 'PROJECT_STATUS_ADOPTED' | 'PROJECT_STATUS_ACTIVE'
  | 'PROJECT_STATUS_CONTINUED' | 'PROJECT_STATUS_COMPLETED' | 'PROJECT_STATUS_FOLLOW_UP' | 'PROJECT_STATUS_CLOSED'
  | 'PROJECT_STATUS_WITHDRAWN';

export type AchievementKind =
  | 'ACHIEVEMENT_KIND_UNSPECIFIED' | 'ACHIEVEMENT_KIND_JOINT_VENTURE' | 'ACHIEVEMENT_KIND_OVERSEAS_PLANT_OR_SALES_COMPANY'
  | 'ACHIEVEMENT_KIND_DEVELOPMENT_CONTRACT' | 'ACHIEVEMENT_KIND_TECHNOLOGY_TRANSFER' | 'ACHIEVEMENT_KIND_AGREEMENT_OR_MOU'
  | 'ACHIEVEMENT_KIND_JOINT_DEVELOPMENT_OR_CLINICAL_TEST' | 'ACHIEVEMENT_KIND_NEW_SALES_CHANNEL_OR_EXPORT'
  | 'ACHIEVEMENT_KIND_TRADE_FAIR' | 'ACHIEVEMENT_KIND_REGIONAL_CONSORTIUM' | 'ACHIEVEMENT_KIND_OTHER';

export type AchievementTiming =
  | 'ACHIEVEMENT_TIMING_UNSPECIFIED' | 'ACHIEVEMENT_TIMING_DURING_SUPPORT' | 'ACHIEVEMENT_TIMING_AFTER_SUPPORT'
  | 'ACHIEVEMENT_TIMING_NOT_YET';

export const achievementKinds: [AchievementKind, string][] = [
  ['ACHIEVEMENT_KIND_JOINT_VENTURE', 'Joint venture'],
  ['ACHIEVEMENT_KIND_OVERSEAS_PLANT_OR_SALES_COMPANY', 'Plant or sales company set up abroad'],
  ['ACHIEVEMENT_KIND_DEVELOPMENT_CONTRACT', 'Product or technology development contract'],
  ['ACHIEVEMENT_KIND_TECHNOLOGY_TRANSFER', 'Technology transfer contract'],
  ['ACHIEVEMENT_KIND_AGREEMENT_OR_MOU', 'Friendship or cooperation agreement, MoU'],
  ['ACHIEVEMENT_KIND_JOINT_DEVELOPMENT_OR_CLINICAL_TEST', 'Joint development or joint clinical tests'],
  ['ACHIEVEMENT_KIND_NEW_SALES_CHANNEL_OR_EXPORT', 'New sales channel or export'],
  ['ACHIEVEMENT_KIND_TRADE_FAIR', 'Exhibition at a trade fair'],
  ['ACHIEVEMENT_KIND_REGIONAL_CONSORTIUM', 'Consortium formed in the region'],
  ['ACHIEVEMENT_KIND_OTHER', 'Other'],
];

export interface Organisation {
  id?: string;
  name?: string;
  country?: string;
}

export interface Member {
  actorType?: string;
  organisationName?: string;
  sme?: boolean;
}

export interface Achievement {
  id?: string;
  kind?: AchievementKind;
  date?: PDate;
  description?: string;
  activityId?: string;
  timing?: AchievementTiming;
  recordedBy?: string;
}

export interface Project {
  id?: string;
  programme?: Programme;
  title?: string;
  domesticRegion?: DomesticRegion;
  overseasRegions?: OverseasRegion[];
  sector?: Sector;
  theme?: string;
  domesticBody?: Organisation;
  overseasBodies?: Organisation[];
  members?: Member[];
  plannedPeriod?: FiscalYearRange;
  status?: ProjectStatus;
  supportedFiscalYears?: number[];
  achievements?: Achievement[];
  version?: string;
  statusReason?: string;
}

export interface ListProjectsRequest {
  text?: string;
  status?: ProjectStatus;
  activeInFiscalYear?: number;
  page?: PageRequest;
}

export interface ListProjectsResponse {
  projects?: Project[];
  nextPageToken?: string;
  totalCount?: number;
}

export interface RecordAchievementRequest {
  projectId: string;
  achievementId: string;
  kind: AchievementKind;
  date?: PDate;
  description: string;
  activityId?: string;
}

export interface CountCell {
  row?: string;
  column?: string;
  count?: number;
}

export interface FiscalYearCounts {
  fiscalYear?: number;
  adopted?: number;
  continued?: number;
  expanded?: number;
}

export interface Statistics {
  byBureauAndSector?: CountCell[];
  byCountry?: CountCell[];
  perFiscalYear?: FiscalYearCounts[];
  achievementsByTiming?: CountCell[];
  projectCount?: number;
}

const service = 'exchange.projects.v1.Projects/';

export const projectsApi = {
  list: (request: ListProjectsRequest) => rpc<ListProjectsRequest, ListProjectsResponse>(service + 'ListProjects', request),
  /** Every project the caller may see, page by page. */
  async listAll(request: ListProjectsRequest = {}): Promise<Project[]> {
    const all: Project[] = [];
    let pageToken = '';
    do {
      const page = await projectsApi.list({ ...request, page: { pageSize: 500, pageToken } });
      all.push(...(page.projects ?? []));
      pageToken = page.nextPageToken ?? '';
    } while (pageToken);
    return all;
  },
  get: (projectId: string) => rpc<{ projectId: string }, Project>(service + 'GetProject', { projectId }),
  recordAchievement: (request: RecordAchievementRequest) => rpc<RecordAchievementRequest, Project>(service + 'RecordAchievement', request),
  statistics: (programme: Programme = 'PROGRAMME_UNSPECIFIED') =>
    rpc<{ programme: Programme }, Statistics>(service + 'GetStatistics', { programme }),
};

export const lifecycle: { status: ProjectStatus; label: string }[] = [
  { status: 'PROJECT_STATUS_PROPOSED', label: 'Proposed' },
  { status: 'PROJECT_STATUS_ADOPTED', label: 'Adopted' },
  { status: 'PROJECT_STATUS_ACTIVE', label: 'Active' },
  { status: 'PROJECT_STATUS_CONTINUED', label: 'Continued' },
  { status: 'PROJECT_STATUS_COMPLETED', label: 'Completed' },
  { status: 'PROJECT_STATUS_FOLLOW_UP', label: 'Follow-up' },
  { status: 'PROJECT_STATUS_CLOSED', label: 'Closed' },
];

/** The success model's stage a project is in: Planning -> Structuring -> Action, then after support. */
export function stageOf(status: ProjectStatus | undefined): string {
  switch (status) {
    case 'PROJECT_STATUS_PROPOSED': return 'Planning';
    case 'PROJECT_STATUS_ADOPTED': return 'Structuring';
    case 'PROJECT_STATUS_ACTIVE':
    case 'PROJECT_STATUS_CONTINUED': return 'Action';
    case 'PROJECT_STATUS_COMPLETED':
    case 'PROJECT_STATUS_FOLLOW_UP': return 'Follow-up after support';
    case 'PROJECT_STATUS_CLOSED': return 'Closed';
    case 'PROJECT_STATUS_WITHDRAWN': return 'Withdrawn';
    default: return '';
  }
}
