-- 300 notes by 7 owners, for the verify tests.
DROP TABLE IF EXISTS notes;
CREATE TABLE notes (id INTEGER PRIMARY KEY, owner VARCHAR(20) NOT NULL, title VARCHAR(100) NOT NULL,
  stars NUMERIC(5, 2), done BOOLEAN NOT NULL);
INSERT INTO notes SELECT X, 'owner-' || MOD(X, 7), 'note ' || X, X / 8.0, MOD(X, 3) = 0 FROM SYSTEM_RANGE(1, 300);
