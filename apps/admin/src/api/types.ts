/**
 * Shapes the admin UI reads. Amounts and areas are decimal strings: shown, never computed as floats.
 * Every response shape comes from the service's contracts (issue #11 "One source for each shape"):
 * the names below are the UI's names for those types (type-only imports: nothing of the contracts'
 * runtime reaches the bundle through this file).
 */
import type { AuditLogEntryView } from '@cws/kernel';
import type {
  ApiClientAccountView, CareerEventView, CommunityDetailView, CommunityView, DistrictView, MeView, StreetView, TokenPairView, UserAccountView,
  WorkerDetailView, WorkerGradeView, WorkerListItem, WorkerPiiView, WorkerPostView, WorkerSecondmentView, WorkerTrainingView,
} from '@cws/workers-contracts';

export type { BodyKind } from '@cws/workers-contracts';
export type { SimulationInput, SimulationMonthInput, SimulationOutput } from '@cws/payroll-contracts';
export type { Role, Scope, ScopeLevel } from '@cws/kernel';
export { ROLES } from '@cws/kernel';

/** The caller (`GET auth/me`). */
export type Me = MeView;
export type TokenResponse = TokenPairView;

/** The workers service's contracts (GET /districts, /streets and the org-tree routes answer them whole). */
export type District = DistrictView;
export type Street = StreetView;
export type Community = CommunityView;
export type CommunityDetail = CommunityDetailView;

/** One row of any service's audit log (`GET /api/<service>/v1/audit`). */
export type AuditEntry = AuditLogEntryView;

/** One row of the worker register (`GET /api/workers/v1/workers`). */
export type WorkerRow = WorkerListItem;

/** `GET workers/:id` and its sub-lists. */
export type WorkerDetail = WorkerDetailView;
export type PostRow = WorkerPostView;
export type TrainingRow = WorkerTrainingView;
export type SecondmentRow = WorkerSecondmentView;
export type CareerEventRow = CareerEventView;
export type GradeRow = WorkerGradeView;
export type WorkerPii = WorkerPiiView;

export type UserRow = UserAccountView;
export type ApiClientRow = ApiClientAccountView;
