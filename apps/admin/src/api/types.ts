/**
 * Shapes the admin UI reads. Amounts and areas are decimal strings: shown, never computed as floats.
 * Shapes a service already publishes in its contracts come from there (type-only imports: nothing
 * of the contracts' runtime reaches the bundle through this file).
 */
import type { Role, Scope, ScopeLevel } from '@cws/kernel';
import type { AppointmentRole, BodyKind, CommunityView, DistrictView, ObtainedBy, PostBand, StreetView, WorkerListItem } from '@cws/workers-contracts';

export type { BodyKind } from '@cws/workers-contracts';
export type { SimulationInput, SimulationMonthInput, SimulationOutput } from '@cws/payroll-contracts';
export type { Role, Scope, ScopeLevel } from '@cws/kernel';
export const ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'];

export interface Me {
  kind: 'user' | 'client';
  id: string;
  /** The username (what the audit log records). */
  name: string;
  /** For screens, e.g. 西湖区人事专员; users only (an API client has none). */
  displayName?: string;
  roles: Role[];
  scope: Scope;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** The workers service's contracts (GET /districts, /streets and the org-tree routes answer them whole). */
export type District = DistrictView;
export type Street = StreetView;

export type Community = CommunityView;

export interface CommunityDetail extends Community {
  bodies: Array<{ kind: BodyKind; name: string }>;
}

export interface Page<T> {
  items: T[];
  nextAfter: string | null;
}

export interface AuditEntry {
  id: string;
  occurredAt: string;
  actorName: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** One row of the worker register (`GET /api/workers/v1/workers`): the workers service's contract. */
export type WorkerRow = WorkerListItem;

/** A post as the worker detail lists it (`GET workers/:id`). */
export interface PostRow {
  id: number;
  bodyKind: BodyKind;
  role: AppointmentRole;
  band: PostBand;
  isPrimary: boolean;
  obtainedBy: ObtainedBy;
  from: string;
  to: string | null;
  endReason: string | null;
  communityCode: string;
}

export interface TrainingRow {
  id: number;
  classId: number;
  title: string;
  course: string;
  category: string;
  result: 'PASS' | 'FAIL' | 'ABSENT';
  hours: string;
  certificateNo: string | null;
  completedOn: string;
}

export interface SecondmentRow {
  id: number;
  direction: 'OUT' | 'IN';
  organisation: string;
  communityCode: string;
  from: string;
  to: string | null;
  payer: 'HOME' | 'HOST';
  status: string;
  note: string | null;
}

export interface CareerEventRow {
  id: number;
  kind: string;
  date: string;
  note: string | null;
  data: Record<string, unknown> | null;
}

/** `GET workers/:id`: the register row's fields (the detail carries no community name or band: the UI looks them up) and the sub-lists. */
export interface WorkerDetail extends Omit<WorkerRow, 'communityName' | 'postBand'> {
  communityName?: string;
  postBand?: PostBand | null;
  education: string;
  politicalStatus: string;
  qualificationCert: string | null;
  leftDate: string | null;
  leftReason: string | null;
  bankAccountMasked: string | null;
  version: number;
  appointments?: PostRow[];
  training?: TrainingRow[];
  secondments?: SecondmentRow[];
  events?: CareerEventRow[];
}

export interface WorkerPii {
  residentId?: string;
  birthDate?: string;
  bankAccount?: string;
  bankName?: string;
  [key: string]: unknown;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  scopeLevel: ScopeLevel;
  scopeDistrict: string | null;
  scopeStreet: string | null;
  active: boolean;
  createdAt: string;
}

export interface ApiClientRow {
  id: string;
  clientId: string;
  name: string;
  scopeLevel: 'CITY' | 'DISTRICT';
  scopeDistrict: string | null;
  permissions: string[];
  active: boolean;
  createdAt: string;
}
