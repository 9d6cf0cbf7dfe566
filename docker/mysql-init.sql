-- The application user may create and use every cws_* schema (one per service).
GRANT ALL PRIVILEGES ON `cws\_%`.* TO 'cws'@'%';
