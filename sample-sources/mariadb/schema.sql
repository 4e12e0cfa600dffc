-- dynamo-migrate sample source: a music-streaming service (MariaDB).
-- Re-runnable: drops the sample tables first. Tables go into the connection's current database.
-- Seed data: data.sql, produced by io.dynamomigrate.sample.MusicSampleGenerator (do not edit by hand).
-- By hand: mariadb --default-character-set=utf8mb4 music_sample < schema.sql, then the same with data.sql.
--
-- The types are chosen so that the sample mappings write exactly the items they write from PostgreSQL and H2:
-- BOOLEAN is TINYINT(1) (read as a boolean), BYTEA is VARBINARY, TIMESTAMP is DATETIME(6) (MariaDB's TIMESTAMP
-- converts to and from the session's time zone and may update itself), and every table is utf8mb4 with a binary
-- collation (4-byte characters such as emoji are stored, and strings compare by code point).
-- Foreign keys are named table constraints (MySQL ignores a column's REFERENCES), so that the shards of
-- sample --shards can drop playlist_tracks_track_id_fkey.

DROP TABLE IF EXISTS plays;
DROP TABLE IF EXISTS playlist_tracks;
DROP TABLE IF EXISTS playlists;
DROP TABLE IF EXISTS users;
DROP TABLE IF EXISTS tracks;
DROP TABLE IF EXISTS albums;
DROP TABLE IF EXISTS artists;

CREATE TABLE artists (
    artist_id         INT          NOT NULL PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    country           CHAR(2)      NOT NULL,
    formed_year       INT,
    verified          TINYINT(1)   NOT NULL,
    monthly_listeners BIGINT       NOT NULL,
    avatar_hash       VARBINARY(16),         -- 16 bytes: MD5 of the UTF-8 name
    rating            DECIMAL(4,2)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE albums (
    album_id     INT          NOT NULL PRIMARY KEY,
    artist_id    INT          NOT NULL,
    title        VARCHAR(300) NOT NULL,
    release_date DATE         NOT NULL,
    album_type   VARCHAR(20)  NOT NULL CHECK (album_type IN ('album', 'single', 'ep')),
    label        VARCHAR(200),
    INDEX albums_artist_id_idx (artist_id),
    CONSTRAINT albums_artist_id_fkey FOREIGN KEY (artist_id) REFERENCES artists (artist_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE tracks (
    track_id     INT          NOT NULL PRIMARY KEY,
    album_id     INT          NOT NULL,
    track_number INT          NOT NULL,
    title        VARCHAR(300) NOT NULL,
    duration_ms  INT          NOT NULL,
    explicit     TINYINT(1)   NOT NULL,
    isrc         CHAR(12)     NOT NULL,
    price        DECIMAL(6,2) NOT NULL,
    INDEX tracks_album_id_idx (album_id),
    CONSTRAINT tracks_album_id_fkey FOREIGN KEY (album_id) REFERENCES albums (album_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE users (
    user_id      INT          NOT NULL PRIMARY KEY,
    username     VARCHAR(50)  NOT NULL UNIQUE,
    email        VARCHAR(200) NOT NULL,
    display_name VARCHAR(200),
    country      CHAR(2)      NOT NULL,
    plan         VARCHAR(20)  NOT NULL CHECK (plan IN ('free', 'premium', 'family')),
    created_at   DATETIME(6)  NOT NULL,
    birth_year   INT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE playlists (
    playlist_id   INT           NOT NULL PRIMARY KEY,
    owner_user_id INT           NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    description   VARCHAR(1000),
    is_public     TINYINT(1)    NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    INDEX playlists_owner_user_id_idx (owner_user_id),
    CONSTRAINT playlists_owner_user_id_fkey FOREIGN KEY (owner_user_id) REFERENCES users (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE playlist_tracks (
    playlist_id INT         NOT NULL,
    position    INT         NOT NULL,
    track_id    INT         NOT NULL,
    added_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (playlist_id, position),
    INDEX playlist_tracks_track_id_idx (track_id),
    CONSTRAINT playlist_tracks_playlist_id_fkey FOREIGN KEY (playlist_id) REFERENCES playlists (playlist_id),
    CONSTRAINT playlist_tracks_track_id_fkey FOREIGN KEY (track_id) REFERENCES tracks (track_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Listening history: deliberately without foreign keys so that large volumes load fast
-- (io.dynamomigrate.sample.PlaysGenerator); user_id and track_id still refer to existing rows.
CREATE TABLE plays (
    play_id   BIGINT      NOT NULL PRIMARY KEY,
    user_id   INT         NOT NULL,
    track_id  INT         NOT NULL,
    played_at DATETIME(6) NOT NULL,
    ms_played INT         NOT NULL,
    device    VARCHAR(20) NOT NULL CHECK (device IN ('mobile', 'desktop', 'web', 'speaker', 'car')),
    completed TINYINT(1)  NOT NULL,
    INDEX plays_user_id_played_at_idx (user_id, played_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
