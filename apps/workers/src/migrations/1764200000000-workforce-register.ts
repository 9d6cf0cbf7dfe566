import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workforce register: facility checklist, workers (personal data encrypted, with keyed hashes
 * and masks), career events, appointments, training, secondments, recruitment and import batches.
 * Worker rows carry their community's street and district codes so every scoped query filters on
 * indexed columns without a join.
 */
export class WorkforceRegister1764200000000 implements MigrationInterface {
  name = 'WorkforceRegister1764200000000';

  async up(qr: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await qr.query(`CREATE TABLE facility_item (
      code VARCHAR(30) NOT NULL PRIMARY KEY,
      name VARCHAR(60) NOT NULL,
      category VARCHAR(20) NOT NULL,
      sort_order INT NOT NULL DEFAULT 0,
      required TINYINT(1) NOT NULL DEFAULT 1,
      active TINYINT(1) NOT NULL DEFAULT 1
    ) ${opts}`);
    // 五室四站两栏一家一校一场所 (the 2010 notice's facility list), editable data.
    const items: Array<[string, string, string]> = [
      ['OFFICE', '办公室', '五室'], ['PARTY_ROOM', '党员活动室', '五室'], ['MEETING_ROOM', '会议室', '五室'],
      ['READING_ROOM', '图书阅览室', '五室'], ['ARCHIVE_ROOM', '档案室', '五室'],
      ['SERVICE_STATION', '社区服务站', '四站'], ['HEALTH_STATION', '社区卫生服务站', '四站'],
      ['ELDERLY_STATION', '居家养老服务站', '四站'], ['POLICE_STATION', '社区警务站', '四站'],
      ['NOTICE_BOARD', '居务公开栏', '两栏'], ['PARTY_BOARD', '党务公开栏', '两栏'],
      ['ELDERLY_HOME', '星光老年之家', '一家'], ['RESIDENT_SCHOOL', '市民学校', '一校'],
      ['ACTIVITY_VENUE', '文体活动场所', '一场所'],
    ];
    await qr.query(
      `INSERT INTO facility_item (code, name, category, sort_order) VALUES ${items.map(() => '(?,?,?,?)').join(',')}`,
      items.flatMap((it, i) => [...it, i + 1]),
    );

    await qr.query(`CREATE TABLE worker (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(60) NOT NULL,
      sex CHAR(1) NOT NULL,
      birth_date DATE NOT NULL,
      resident_id_enc VARCHAR(160) NOT NULL,
      resident_id_hash CHAR(64) NOT NULL,
      resident_id_masked VARCHAR(18) NOT NULL,
      phone VARCHAR(20) NULL,
      education VARCHAR(20) NOT NULL,
      political_status VARCHAR(20) NOT NULL,
      qualification_level VARCHAR(20) NOT NULL DEFAULT 'NONE',
      qualification_cert VARCHAR(40) NULL,
      hire_date DATE NOT NULL,
      employment_type VARCHAR(12) NOT NULL,
      status VARCHAR(12) NOT NULL,
      left_date DATE NULL,
      left_reason VARCHAR(200) NULL,
      bank_account_enc VARCHAR(160) NULL,
      bank_account_hash CHAR(64) NULL,
      bank_account_masked VARCHAR(19) NULL,
      bank_luhn_ok TINYINT(1) NULL,
      community_code VARCHAR(20) NOT NULL,
      street_code VARCHAR(20) NOT NULL,
      district_code VARCHAR(20) NOT NULL,
      version INT NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_worker_resident_id_hash (resident_id_hash),
      KEY idx_worker_community (community_code, id),
      KEY idx_worker_street (street_code, id),
      KEY idx_worker_district (district_code, id),
      KEY idx_worker_name (name),
      KEY idx_worker_status (status, id),
      CONSTRAINT fk_worker_community FOREIGN KEY (community_code) REFERENCES community (code)
    ) ${opts}`);

    await qr.query(`CREATE TABLE worker_event (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      worker_id INT UNSIGNED NOT NULL,
      kind VARCHAR(20) NOT NULL,
      event_date DATE NOT NULL,
      note VARCHAR(300) NULL,
      data JSON NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_worker_event_worker (worker_id, event_date),
      CONSTRAINT fk_worker_event_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
    ) ${opts}`);

    await qr.query(`CREATE TABLE appointment (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      worker_id INT UNSIGNED NOT NULL,
      body_id INT NOT NULL,
      community_code VARCHAR(20) NOT NULL,
      body_kind VARCHAR(12) NOT NULL,
      role VARCHAR(24) NOT NULL,
      band VARCHAR(8) NOT NULL,
      is_primary TINYINT(1) NOT NULL DEFAULT 0,
      obtained_by VARCHAR(12) NOT NULL,
      start_date DATE NOT NULL,
      end_date DATE NULL,
      end_reason VARCHAR(200) NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_appointment_worker (worker_id, start_date),
      KEY idx_appointment_body (body_id, band, start_date),
      KEY idx_appointment_community (community_code, start_date),
      CONSTRAINT fk_appointment_worker FOREIGN KEY (worker_id) REFERENCES worker (id),
      CONSTRAINT fk_appointment_body FOREIGN KEY (body_id) REFERENCES community_body (id)
    ) ${opts}`);

    await qr.query(`CREATE TABLE secondment (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      worker_id INT UNSIGNED NOT NULL,
      direction VARCHAR(3) NOT NULL,
      organisation VARCHAR(100) NOT NULL,
      community_code VARCHAR(20) NOT NULL,
      start_date DATE NOT NULL,
      end_date DATE NULL,
      payer VARCHAR(4) NOT NULL,
      status VARCHAR(10) NOT NULL,
      note VARCHAR(300) NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_secondment_worker (worker_id, start_date),
      CONSTRAINT fk_secondment_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
    ) ${opts}`);

    await qr.query(`CREATE TABLE training_course (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      category VARCHAR(24) NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      UNIQUE KEY uq_training_course_name (name)
    ) ${opts}`);
    await qr.query(`CREATE TABLE training_provider (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      uscc VARCHAR(18) NULL,
      UNIQUE KEY uq_training_provider_name (name)
    ) ${opts}`);
    await qr.query(`CREATE TABLE training_class (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      course_id INT UNSIGNED NOT NULL,
      provider_id INT UNSIGNED NOT NULL,
      title VARCHAR(120) NOT NULL,
      start_date DATE NOT NULL,
      end_date DATE NOT NULL,
      hours DECIMAL(6,1) NOT NULL,
      cost DECIMAL(15,2) NOT NULL,
      district_code VARCHAR(20) NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_training_class_dates (start_date),
      CONSTRAINT fk_training_class_course FOREIGN KEY (course_id) REFERENCES training_course (id),
      CONSTRAINT fk_training_class_provider FOREIGN KEY (provider_id) REFERENCES training_provider (id)
    ) ${opts}`);
    await qr.query(`CREATE TABLE training_record (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      class_id INT UNSIGNED NOT NULL,
      worker_id INT UNSIGNED NOT NULL,
      result VARCHAR(10) NOT NULL,
      hours DECIMAL(6,1) NOT NULL,
      certificate_no VARCHAR(40) NULL,
      completed_on DATE NOT NULL,
      UNIQUE KEY uq_training_record (class_id, worker_id),
      KEY idx_training_record_worker (worker_id, completed_on),
      CONSTRAINT fk_training_record_class FOREIGN KEY (class_id) REFERENCES training_class (id),
      CONSTRAINT fk_training_record_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
    ) ${opts}`);
    await qr.query(`CREATE TABLE training_rule (
      year INT NOT NULL PRIMARY KEY,
      required_hours DECIMAL(6,1) NOT NULL,
      source VARCHAR(200) NOT NULL
    ) ${opts}`);
    await qr.query(`CREATE TABLE training_cost_posting (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      class_id INT UNSIGNED NOT NULL,
      fund VARCHAR(30) NOT NULL,
      amount DECIMAL(15,2) NOT NULL,
      district_code VARCHAR(20) NULL,
      idempotency_key VARCHAR(80) NOT NULL,
      status VARCHAR(10) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      posted_at DATETIME(3) NULL,
      UNIQUE KEY uq_training_cost_posting_key (idempotency_key),
      KEY idx_training_cost_posting_status (status, id)
    ) ${opts}`);

    await qr.query(`CREATE TABLE vacancy (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      community_code VARCHAR(20) NOT NULL,
      street_code VARCHAR(20) NOT NULL,
      district_code VARCHAR(20) NOT NULL,
      body_kind VARCHAR(12) NOT NULL,
      role VARCHAR(24) NOT NULL,
      headcount INT NOT NULL,
      opens_on DATE NOT NULL,
      closes_on DATE NOT NULL,
      status VARCHAR(10) NOT NULL,
      written_weight DECIMAL(4,2) NOT NULL DEFAULT 0.50,
      created_at DATETIME(3) NOT NULL,
      KEY idx_vacancy_community (community_code)
    ) ${opts}`);
    await qr.query(`CREATE TABLE candidate (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      vacancy_id INT UNSIGNED NOT NULL,
      name VARCHAR(60) NOT NULL,
      resident_id_enc VARCHAR(160) NOT NULL,
      resident_id_hash CHAR(64) NOT NULL,
      resident_id_masked VARCHAR(18) NOT NULL,
      phone VARCHAR(20) NULL,
      education VARCHAR(20) NOT NULL,
      political_status VARCHAR(20) NOT NULL,
      qualification_level VARCHAR(20) NOT NULL DEFAULT 'NONE',
      written_score DECIMAL(5,2) NULL,
      interview_score DECIMAL(5,2) NULL,
      status VARCHAR(10) NOT NULL,
      worker_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_candidate_vacancy_person (vacancy_id, resident_id_hash),
      CONSTRAINT fk_candidate_vacancy FOREIGN KEY (vacancy_id) REFERENCES vacancy (id)
    ) ${opts}`);

    await qr.query(`CREATE TABLE import_batch (
      id VARCHAR(36) NOT NULL PRIMARY KEY,
      file_name VARCHAR(200) NOT NULL,
      created_by VARCHAR(64) NOT NULL,
      scope_district VARCHAR(20) NULL,
      scope_street VARCHAR(20) NULL,
      status VARCHAR(12) NOT NULL,
      total_rows INT NOT NULL,
      valid_rows INT NOT NULL,
      report JSON NOT NULL,
      payload_enc LONGTEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      committed_at DATETIME(3) NULL
    ) ${opts}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of [
      'import_batch', 'candidate', 'vacancy', 'training_cost_posting', 'training_rule', 'training_record', 'training_class',
      'training_provider', 'training_course', 'secondment', 'appointment', 'worker_event', 'worker', 'facility_item',
    ]) {
      await qr.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
