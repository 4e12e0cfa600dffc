-- Source rows for the dry-run and verify tests: markup in values, a null key, an item over 400 KB, and a key that
-- appears again in a later chunk.
DROP TABLE IF EXISTS notes;
CREATE TABLE notes (id INTEGER PRIMARY KEY, owner VARCHAR(50), title VARCHAR(200), body CLOB);
INSERT INTO notes VALUES (1, 'ann', '<script>alert(1)</script>', 'hello');
INSERT INTO notes VALUES (2, 'ann', '<img src=x onerror="document.title=''pwned''">', 'world');
INSERT INTO notes VALUES (3, NULL, 'no owner', 'a null key attribute');
INSERT INTO notes VALUES (4, 'bob', 'huge', REPEAT('x', 420000));
INSERT INTO notes VALUES (5, 'bob', 'first', 'one');
INSERT INTO notes VALUES (6, 'cid', 'second', 'two');
INSERT INTO notes VALUES (7, 'bob', 'first', 'collides with id 5 in a later chunk');
