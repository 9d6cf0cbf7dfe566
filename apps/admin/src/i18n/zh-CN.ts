import { zhCNBases } from './zh-CN.bases';
import { zhCNCentres } from './zh-CN.centres';
import { zhCNFunding } from './zh-CN.funding';
import { zhCNElections } from './zh-CN.elections';
import { zhCNPay } from './zh-CN.pay';
import { zhCNPeople } from './zh-CN.people';
import { zhCNPolicy } from './zh-CN.policy';
import { zhCNPostings } from './zh-CN.postings';
import { zhCNRuns } from './zh-CN.runs';
import { zhCNRegister } from './zh-CN.register';

/**
 * Chinese labels (the default), in files by area so none grows past the size rule.
 * Keys are shared with en.ts, which must cover every one.
 */
export const zhCN = { ...zhCNRegister, ...zhCNPeople, ...zhCNPay, ...zhCNPolicy, ...zhCNCentres, ...zhCNPostings, ...zhCNBases, ...zhCNFunding, ...zhCNElections, ...zhCNRuns } as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
