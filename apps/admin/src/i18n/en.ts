import { enBases } from './en.bases';
import { enCentres } from './en.centres';
import { enFunding } from './en.funding';
import { enElections } from './en.elections';
import { enPay } from './en.pay';
import { enPeople } from './en.people';
import { enPolicy } from './en.policy';
import { enPostings } from './en.postings';
import { enRuns } from './en.runs';
import { enRegister } from './en.register';
import type { Messages } from './zh-CN';

/** English labels; each area file is typed against its Chinese counterpart, so none is missing. */
export const en: Messages = { ...enRegister, ...enPeople, ...enPay, ...enPolicy, ...enCentres, ...enPostings, ...enBases, ...enFunding, ...enElections, ...enRuns };
