DROP TABLE checkin_failures;
