-- dynamo-migrate sample source: a music-streaming service (H2 2.x).
-- Re-runnable: drops the sample tables (and anything depending on them) first.
-- Seed data: data.sql, produced by io.dynamomigrate.sample.MusicSampleGenerator (do not edit by hand).

DROP TABLE IF EXISTS plays CASCADE;
DROP TABLE IF EXISTS playlist_tracks CASCADE;
DROP TABLE IF EXISTS playlists CASCADE;
DROP TABLE IF EXISTS users CASCADE;
DROP TABLE IF EXISTS tracks CASCADE;
DROP TABLE IF EXISTS albums CASCADE;
DROP TABLE IF EXISTS artists CASCADE;

CREATE TABLE artists (
    artist_id         INTEGER      NOT NULL PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    country           CHAR(2)      NOT NULL,
    formed_year       INTEGER,
    verified          BOOLEAN      NOT NULL,
    monthly_listeners BIGINT       NOT NULL,
    avatar_hash       VARBINARY(16),         -- 16 bytes: MD5 of the UTF-8 name
    rating            NUMERIC(4,2)
);

CREATE TABLE albums (
    album_id     INTEGER      NOT NULL PRIMARY KEY,
    artist_id    INTEGER      NOT NULL REFERENCES artists (artist_id),
    title        VARCHAR(300) NOT NULL,
    release_date DATE         NOT NULL,
    album_type   VARCHAR(20)  NOT NULL CHECK (album_type IN ('album', 'single', 'ep')),
    label        VARCHAR(200)
);
CREATE INDEX albums_artist_id_idx ON albums (artist_id);

CREATE TABLE tracks (
    track_id     INTEGER      NOT NULL PRIMARY KEY,
    album_id     INTEGER      NOT NULL REFERENCES albums (album_id),
    track_number INTEGER      NOT NULL,
    title        VARCHAR(300) NOT NULL,
    duration_ms  INTEGER      NOT NULL,
    explicit     BOOLEAN      NOT NULL,
    isrc         CHAR(12)     NOT NULL,
    price        NUMERIC(6,2) NOT NULL
);
CREATE INDEX tracks_album_id_idx ON tracks (album_id);

CREATE TABLE users (
    user_id      INTEGER      NOT NULL PRIMARY KEY,
    username     VARCHAR(50)  NOT NULL UNIQUE,
    email        VARCHAR(200) NOT NULL,
    display_name VARCHAR(200),
    country      CHAR(2)      NOT NULL,
    plan         VARCHAR(20)  NOT NULL CHECK (plan IN ('free', 'premium', 'family')),
    created_at   TIMESTAMP    NOT NULL,
    birth_year   INTEGER
);

CREATE TABLE playlists (
    playlist_id   INTEGER       NOT NULL PRIMARY KEY,
    owner_user_id INTEGER       NOT NULL REFERENCES users (user_id),
    name          VARCHAR(200)  NOT NULL,
    description   VARCHAR(1000),
    is_public     BOOLEAN       NOT NULL,
    created_at    TIMESTAMP     NOT NULL
);
CREATE INDEX playlists_owner_user_id_idx ON playlists (owner_user_id);

CREATE TABLE playlist_tracks (
    playlist_id INTEGER   NOT NULL REFERENCES playlists (playlist_id),
    position    INTEGER   NOT NULL,
    track_id    INTEGER   NOT NULL REFERENCES tracks (track_id),
    added_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (playlist_id, position)
);
CREATE INDEX playlist_tracks_track_id_idx ON playlist_tracks (track_id);

-- Listening history: deliberately without foreign keys so that large volumes load fast
-- (io.dynamomigrate.sample.PlaysGenerator); user_id and track_id still refer to existing rows.
CREATE TABLE plays (
    play_id   BIGINT      NOT NULL PRIMARY KEY,
    user_id   INTEGER     NOT NULL,
    track_id  INTEGER     NOT NULL,
    played_at TIMESTAMP   NOT NULL,
    ms_played INTEGER     NOT NULL,
    device    VARCHAR(20) NOT NULL CHECK (device IN ('mobile', 'desktop', 'web', 'speaker', 'car')),
    completed BOOLEAN     NOT NULL
);
CREATE INDEX plays_user_id_played_at_idx ON plays (user_id, played_at);
