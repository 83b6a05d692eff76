// exchange.claims.v1.Claims, the calls the portal makes (protos/exchange/claims/v1/claims.proto).
import type { Money, PageRequest, PDate, Timestamp } from './common';
import type { SupportTool } from './missions';
import { rpc } from './session';

export type ClaimStatus =
  | 'CLAIM_STATUS_UNSPECIFIED' | 'CLAIM_STATUS_DRAFT' | 'CLAIM_STATUS_SUBMITTED' | 'CLAIM_STATUS_UNDER_REVIEW'
  | 'CLAIM_STATUS_RETURNED' | 'CLAIM_STATUS_RESUBMITTED' | 'CLAIM_STATUS_APPROVED' | 'CLAIM_STATUS_REJECTED'
  | 'CLAIM_STATUS_PAID';

export interface CategoryRule {
  category?: string;
  label?: string;
  capBasis?: string;
  cap?: Money;
  requiresPerson?: boolean;
}

export interface Rulebook {
  fiscalYear?: number;
  version?: number;
  tools?: { supportTool?: SupportTool; categories?: CategoryRule[] }[];
}

export interface FundedPerson {
  key?: string;
  name?: string;
  organisationId?: string;
  organisationName?: string;
  country?: string;
  role?: string;
}

export interface Receipt {
  attachmentId?: string;
  sha256?: string;
}

export interface ClaimLine {
  id?: string;
  category?: string;
  description?: string;
  amount?: Money;
  valueDate?: PDate;
  personKey?: string;
  receipt?: Receipt;
  rateToJpy?: string;
  amountJpy?: Money;
  sanctionedJpy?: Money;
  sanctionReason?: string;
}

export interface Violation {
  rule?: string;
  lineId?: string;
  field?: string;
  message?: string;
}

export interface DuplicateFlag {
  kind?: string;
  lineId?: string;
  otherClaimId?: string;
  otherLineId?: string;
  message?: string;
}

export interface Claim {
  id?: string;
  projectId?: string;
  fiscalYear?: number;
  activityId?: string;
  supportTool?: SupportTool;
  activityStart?: PDate;
  activityEnd?: PDate;
  activityDays?: number;
  places?: string[];
  fundedPeople?: FundedPerson[];
  privateExpensePersons?: number;
  status?: ClaimStatus;
  lines?: ClaimLine[];
  violations?: Violation[];
  duplicates?: DuplicateFlag[];
  claimedJpy?: Money;
  sanctionedJpy?: Money;
  claimedByCurrency?: Money[];
  rulebookVersion?: number;
  statusReason?: string;
  version?: string;
  submittedAt?: Timestamp;
  updatedAt?: Timestamp;
}

export interface ListClaimsRequest {
  projectId?: string;
  fiscalYear?: number;
  status?: ClaimStatus;
  activityId?: string;
  page?: PageRequest;
}

export interface ListClaimsResponse {
  claims?: Claim[];
  nextPageToken?: string;
  totalCount?: number;
}

export interface ToolSpending {
  supportTool?: SupportTool;
  coordinatorContracts?: boolean;
  budgetProgrammeShare?: Money;
  claimedJpy?: Money;
  approvedJpy?: Money;
  paidJpy?: Money;
  remainingJpy?: Money;
  overBudget?: boolean;
  claimCount?: number;
}

export interface ProjectSpending {
  projectId?: string;
  projectTitle?: string;
  fiscalYear?: number;
  tools?: ToolSpending[];
  budgetProgrammeShare?: Money;
  claimedJpy?: Money;
  approvedJpy?: Money;
  paidJpy?: Money;
  remainingJpy?: Money;
  openClaims?: number;
  hasBudget?: boolean;
}

export interface ProgrammeTotals {
  fiscalYear?: number;
  projects?: ProjectSpending[];
  byTool?: ToolSpending[];
  budgetProgrammeShare?: Money;
  claimedJpy?: Money;
  approvedJpy?: Money;
  paidJpy?: Money;
  projectCount?: number;
}

export interface Month {
  year?: number;
  month?: number;
}

export interface ContractReconciliation {
  contract?: {
    id?: string;
    projectId?: string;
    fiscalYear?: number;
    side?: string;
    coordinator?: { name?: string; organisation?: string; country?: string };
  };
  contracted?: Money;
  invoiced?: Money;
  approved?: Money;
  paid?: Money;
  remaining?: Money;
  flags?: { kind?: string; month?: Month; amount?: Money; message?: string }[];
  missingMonths?: Month[];
  overBilled?: boolean;
}

export interface ReconcileResponse {
  fiscalYear?: number;
  contracts?: ContractReconciliation[];
  contracted?: Money;
  invoiced?: Money;
  approved?: Money;
  paid?: Money;
  remaining?: Money;
  flaggedContracts?: number;
}

export interface CsvExport {
  fileName?: string;
  contentType?: string;
  csv?: string;
  rowCount?: number;
}

export interface LineSanction {
  lineId: string;
  sanctioned: Money;
  reason?: string;
}

const service = 'exchange.claims.v1.Claims/';

export const claimsApi = {
  rulebook: (fiscalYear: number) => rpc<object, Rulebook>(service + 'GetRulebook', { fiscalYear, version: 0 }),
  get: (claimId: string) => rpc<object, Claim>(service + 'GetClaim', { claimId }),
  list: (request: ListClaimsRequest) => rpc<ListClaimsRequest, ListClaimsResponse>(service + 'ListClaims', request),
  save: (claimId: string, lines: ClaimLine[], expectedVersion?: string) =>
    rpc<object, Claim>(service + 'SaveClaim', { claimId, lines, expectedVersion }),
  submit: (claimId: string, requestId: string, expectedVersion?: string) =>
    rpc<object, Claim>(service + 'SubmitClaim', { claimId, requestId, expectedVersion }),
  startReview: (claimId: string, expectedVersion?: string) => rpc<object, Claim>(service + 'StartReview', { claimId, expectedVersion }),
  approve: (claimId: string, sanctions: LineSanction[], note: string, expectedVersion?: string) =>
    rpc<object, Claim>(service + 'ApproveClaim', { claimId, sanctions, note, expectedVersion }),
  returnClaim: (claimId: string, reason: string, expectedVersion?: string) =>
    rpc<object, Claim>(service + 'ReturnClaim', { claimId, reason, expectedVersion }),
  reject: (claimId: string, reason: string, expectedVersion?: string) =>
    rpc<object, Claim>(service + 'RejectClaim', { claimId, reason, expectedVersion }),
  projectSpending: (projectId: string, fiscalYear: number) =>
    rpc<object, ProjectSpending>(service + 'GetProjectSpending', { projectId, fiscalYear }),
  programmeTotals: (fiscalYear: number) => rpc<object, ProgrammeTotals>(service + 'GetProgrammeTotals', { fiscalYear }),
  reconcile: (fiscalYear: number) => rpc<object, ReconcileResponse>(service + 'ReconcileCoordinatorContracts', { fiscalYear }),
  exportSpendingCsv: (projectId: string, fiscalYear: number) =>
    rpc<object, CsvExport>(service + 'ExportSpendingCsv', { projectId, fiscalYear }),
};

export const claimStatusLabels: Record<ClaimStatus, string> = {
  CLAIM_STATUS_UNSPECIFIED: '',
  CLAIM_STATUS_DRAFT: 'Draft',
  CLAIM_STATUS_SUBMITTED: 'Submitted',
  CLAIM_STATUS_UNDER_REVIEW: 'Under review',
  CLAIM_STATUS_RETURNED: 'Returned for revision',
  CLAIM_STATUS_RESUBMITTED: 'Resubmitted',
  CLAIM_STATUS_APPROVED: 'Approved',
  CLAIM_STATUS_REJECTED: 'Rejected',
  CLAIM_STATUS_PAID: 'Paid',
};

/** Claims a coordinator has to act on. */
export const waitingStatuses: ClaimStatus[] = ['CLAIM_STATUS_SUBMITTED', 'CLAIM_STATUS_RESUBMITTED', 'CLAIM_STATUS_UNDER_REVIEW'];
