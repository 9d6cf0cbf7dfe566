import { addDays } from '@cws/kernel';
import type { DataSource } from 'typeorm';
import { TrainingClassRepository } from '../training/training-class.repository';
import { TrainingCourseRepository } from '../training/training-course.repository';
import { TrainingProviderRepository } from '../training/training-provider.repository';
import { TrainingRecordRepository, type NewTrainingRecord } from '../training/training-record.repository';
import { TrainingRuleRepository } from '../training/training-rule.repository';
import { WorkerRepository } from '../workers/worker.repository';

/** The demo's yearly requirement; labelled as demo data, the city sets the real one (PUT /v1/training/rules/:year). */
export const DEMO_TRAINING_HOURS = '40.0';

/**
 * The demo's training for `year`: the requirement, and two free city classes (32 h in spring, an 8 h policy
 * session in early summer; on a date not after `today`) that most of the register then passed, so 培训 lists
 * classes and 学时不足 lists the few who missed one (worker ids divisible by 10 missed the first, by 7 the second).
 * Records are the register's history: they publish no training.completed. Idempotent: a year with a rule is left alone.
 */
export async function seedDemoTraining(ds: DataSource, { year, today }: { year: number; today: string }) {
  return ds.transaction(async (m) => {
    if (await TrainingRuleRepository.find(m, year, { lock: true })) return { year, skipped: true };
    await TrainingRuleRepository.upsert(m, { year, requiredHours: DEMO_TRAINING_HOURS, source: `演示数据：社区工作者年度培训不少于 ${Number(DEMO_TRAINING_HOURS)} 学时` });
    const provider = await TrainingProviderRepository.insert(m, { name: `市委党校（演示 ${year}）`, uscc: null });
    const upTo = (date: string) => (date < today ? date : today);
    const classes = [
      { course: '社区工作者年度轮训', category: 'PROFESSIONAL_SKILLS', title: `${year} 年社区工作者年度轮训`, endDate: upTo(`${year}-03-27`), days: 4, hours: '32.0', missedBy: 10 },
      { course: '基层治理政策解读', category: 'POLITICAL_THEORY', title: `${year} 年基层治理政策专题`, endDate: upTo(`${year}-06-12`), days: 0, hours: '8.0', missedBy: 7 },
    ];
    const records: NewTrainingRecord[] = [];
    for (const k of classes) {
      const startDate = addDays(k.endDate, -k.days);
      const courseId = await TrainingCourseRepository.insert(m, { name: `${k.course}（演示 ${year}）`, category: k.category });
      const classId = await TrainingClassRepository.insert(m, {
        courseId, providerId: provider, title: k.title, startDate, endDate: k.endDate, hours: k.hours, cost: '0.00',
        districtCode: null, chargeCommunityCode: null,
      });
      for (const workerId of await WorkerRepository.idsEmployedOn(m, startDate)) {
        if (workerId % k.missedBy !== 0) records.push({ classId, workerId, result: 'PASS', hours: k.hours, certificateNo: null, completedOn: k.endDate });
      }
    }
    await TrainingRecordRepository.insertMany(m, records);
    return { year, classes: classes.length, records: records.length };
  });
}
