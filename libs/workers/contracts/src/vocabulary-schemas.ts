/**
 * The register's vocabulary as named OpenAPI enums, for the contracts of this lib (each list is the
 * pure rules lib's, so the schema and the TypeScript union cannot drift apart).
 */
import { NamedEnum } from '@cws/kernel';
import {
  APPOINTMENT_ROLES, BODY_KINDS, CAREER_EVENT_KINDS, EDUCATION_LEVELS, ELECTION_KINDS, ELECTION_METHODS, EMPLOYMENT_TYPES, OBTAINED_BY, POLITICAL_STATUSES,
  POST_BANDS, QUALIFICATION_LEVELS, SECONDMENT_DIRECTIONS, SECONDMENT_PAYERS, WORKER_STATUSES,
} from '@cws/workers-core';

export const BodyKindSchema = /* @__PURE__ */ NamedEnum('BodyKind', BODY_KINDS, '社区组织：党组织、居委会、工作站。The community body.');
export const AppointmentRoleSchema = /* @__PURE__ */ NamedEnum('AppointmentRole', APPOINTMENT_ROLES, '岗位（职务）。The post held in the body.');
export const PostBandSchema = /* @__PURE__ */ NamedEnum('PostBand', POST_BANDS, '岗位类别：正职、副职、其他。Post band.');
export const ObtainedBySchema = /* @__PURE__ */ NamedEnum('ObtainedBy', OBTAINED_BY, '任职方式：选举、任命、招聘。How the post was obtained.');
export const WorkerStatusSchema = /* @__PURE__ */ NamedEnum('WorkerStatus', WORKER_STATUSES, '状态：在岗、外派挂职、休假、离职。Worker status.');
export const EmploymentTypeSchema = /* @__PURE__ */ NamedEnum('EmploymentType', EMPLOYMENT_TYPES, '用工类型：专职社区工作者 / 下派挂职干部。Employment type.');
export const QualificationLevelSchema = /* @__PURE__ */ NamedEnum('Qualification', QUALIFICATION_LEVELS, '社会工作职业资格。Social-work qualification.');
export const EducationSchema = /* @__PURE__ */ NamedEnum('Education', EDUCATION_LEVELS, '学历。Education.');
export const PoliticalStatusSchema = /* @__PURE__ */ NamedEnum('PoliticalStatus', POLITICAL_STATUSES, '政治面貌。Political status.');
export const CareerEventKindSchema = /* @__PURE__ */ NamedEnum('CareerEventKind', CAREER_EVENT_KINDS, '职业经历事件类型。Career event kind.');
export const SecondmentDirectionSchema = /* @__PURE__ */ NamedEnum('SecondmentDirection', SECONDMENT_DIRECTIONS, '挂职方向：外派 / 下派。Out of or into the community.');
export const SecondmentPayerSchema = /* @__PURE__ */ NamedEnum('SecondmentPayer', SECONDMENT_PAYERS, '工资承担方：原单位 / 挂职单位。Who pays during the secondment.');
export const ElectionKindSchema = /* @__PURE__ */ NamedEnum('ElectionKind', ELECTION_KINDS, '换届选举 / 补选。Regular election or by-election.');
export const ElectionMethodSchema = /* @__PURE__ */ NamedEnum('ElectionMethod', ELECTION_METHODS, '选举方式。Election method.');
export const SexSchema = /* @__PURE__ */ NamedEnum('Sex', ['M', 'F'] as const, '性别。Sex.');
