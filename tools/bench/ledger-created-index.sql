-- The cost of idx_ledger_created (the daily close's range) on the ledger's insert path: the same autocommitted
-- single-row inserts into a copy of ledger_entry's keys without and with the index (docs/benchmarks.md).
-- mysql -h127.0.0.1 -uroot < tools/bench/ledger-created-index.sql, then alternate
-- mysql -h127.0.0.1 -uroot cws_idxbench -e "CALL fill('le_plain', 20000)" and the same for le_idx, timing each; drop cws_idxbench after.
DROP DATABASE IF EXISTS cws_idxbench; CREATE DATABASE cws_idxbench; USE cws_idxbench;
CREATE TABLE le_plain (id BIGINT AUTO_INCREMENT PRIMARY KEY, fiscal_year INT, funder VARCHAR(6), stream VARCHAR(24), community_code VARCHAR(12), allocation_id BIGINT, d_spent DECIMAL(15,2), created_at DATETIME(3), KEY a (fiscal_year, funder, stream, community_code), KEY b (allocation_id)) ENGINE=InnoDB;
CREATE TABLE le_idx LIKE le_plain; ALTER TABLE le_idx ADD KEY idx_created (created_at);
DELIMITER //
CREATE PROCEDURE fill(t VARCHAR(20), n INT) BEGIN
  DECLARE i INT DEFAULT 0;
  SET @s = CONCAT('INSERT INTO ', t, ' (fiscal_year, funder, stream, community_code, allocation_id, d_spent, created_at) VALUES (2026, ''330106'', ''PARTY_BUILDING'', ?, ?, 12.34, NOW(3))');
  PREPARE st FROM @s;
  WHILE i < n DO SET @c = LPAD(i MOD 5000, 12, '3'); SET @a = i MOD 5000; EXECUTE st USING @c, @a; SET i = i + 1; END WHILE;
  DEALLOCATE PREPARE st;
END //
DELIMITER ;
