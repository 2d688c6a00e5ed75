--
-- PostgreSQL database dump
--

\restrict 1pKVeB612OqZ6wITiTHp4TYMrWKv5rXUJu21TcmJcLXUOoL4iPacvXBVXVg3dO7

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: golden_v2_keyed; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA golden_v2_keyed;


--
-- Name: stored_event_uuid; Type: TYPE; Schema: golden_v2_keyed; Owner: -
--

CREATE TYPE golden_v2_keyed.stored_event_uuid AS (
	originator_id uuid,
	originator_version bigint,
	topic text,
	state bytea
);


--
-- Name: es_insert_events_uuid(golden_v2_keyed.stored_event_uuid[]); Type: FUNCTION; Schema: golden_v2_keyed; Owner: -
--

CREATE FUNCTION golden_v2_keyed.es_insert_events_uuid(events golden_v2_keyed.stored_event_uuid[]) RETURNS SETOF bigint
    LANGUAGE plpgsql
    AS $$BEGIN    SET LOCAL lock_timeout = '0s';    NOTIFY "sgzledger_events";    RETURN QUERY    INSERT INTO "golden_v2_keyed"."sgzledger_events" AS t (    originator_id, originator_version, topic, state)    SELECT originator_id, originator_version, topic, state    FROM unnest(events)    RETURNING notification_id;END;$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: balance_at_position; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.balance_at_position (
    fund_id text NOT NULL,
    restriction text NOT NULL,
    "position" bigint NOT NULL,
    received_fen bigint NOT NULL,
    refunded_fen bigint NOT NULL,
    paid_fen bigint NOT NULL,
    approved_fen bigint NOT NULL,
    released_fen bigint NOT NULL,
    moved_in_fen bigint NOT NULL,
    moved_out_fen bigint NOT NULL,
    total_fen bigint NOT NULL,
    reserved_fen bigint NOT NULL,
    available_fen bigint NOT NULL
);


--
-- Name: balance_on_day; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.balance_on_day (
    fund_id text NOT NULL,
    restriction text NOT NULL,
    day text NOT NULL,
    received_fen bigint NOT NULL,
    refunded_fen bigint NOT NULL,
    paid_fen bigint NOT NULL,
    approved_fen bigint NOT NULL,
    released_fen bigint NOT NULL,
    moved_in_fen bigint NOT NULL,
    moved_out_fen bigint NOT NULL,
    total_fen bigint NOT NULL,
    reserved_fen bigint NOT NULL,
    available_fen bigint NOT NULL
);


--
-- Name: event_chain; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.event_chain (
    "position" bigint NOT NULL,
    digest bytea NOT NULL
);


--
-- Name: event_chain_meta; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.event_chain_meta (
    name text NOT NULL,
    value text NOT NULL
);


--
-- Name: fund_balances; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.fund_balances (
    fund_id text NOT NULL,
    restriction text NOT NULL,
    station_id text NOT NULL,
    received_fen bigint NOT NULL,
    refunded_fen bigint NOT NULL,
    paid_fen bigint NOT NULL,
    approved_fen bigint NOT NULL,
    released_fen bigint NOT NULL,
    moved_in_fen bigint NOT NULL,
    moved_out_fen bigint NOT NULL,
    total_fen bigint NOT NULL,
    reserved_fen bigint NOT NULL,
    available_fen bigint NOT NULL
);


--
-- Name: fund_goods; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.fund_goods (
    fund_id text NOT NULL,
    item text NOT NULL,
    unit text NOT NULL,
    restriction text NOT NULL,
    station_id text NOT NULL,
    quantity bigint NOT NULL,
    value_fen bigint NOT NULL
);


--
-- Name: funds; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.funds (
    fund_id text NOT NULL,
    station_id text NOT NULL,
    community text NOT NULL,
    name text NOT NULL,
    host text NOT NULL,
    opened_on text NOT NULL,
    closed_on text NOT NULL,
    in_kind_received_fen bigint NOT NULL,
    in_kind_out_fen bigint NOT NULL,
    opened_position bigint NOT NULL,
    closed_position bigint NOT NULL
);


--
-- Name: sgzledger_events; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.sgzledger_events (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea,
    notification_id bigint NOT NULL
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE; Schema: golden_v2_keyed; Owner: -
--

CREATE SEQUENCE golden_v2_keyed.sgzledger_events_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE OWNED BY; Schema: golden_v2_keyed; Owner: -
--

ALTER SEQUENCE golden_v2_keyed.sgzledger_events_notification_id_seq OWNED BY golden_v2_keyed.sgzledger_events.notification_id;


--
-- Name: sgzledger_snapshots; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.sgzledger_snapshots (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: subject_keys; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.subject_keys (
    key_id bytea NOT NULL,
    subject text NOT NULL,
    key bytea NOT NULL,
    created timestamp with time zone NOT NULL
);


--
-- Name: view_tracking; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.view_tracking (
    application_name text NOT NULL,
    notification_id bigint
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: view_versions; Type: TABLE; Schema: golden_v2_keyed; Owner: -
--

CREATE TABLE golden_v2_keyed.view_versions (
    name text NOT NULL,
    version bigint NOT NULL
);


--
-- Name: sgzledger_events notification_id; Type: DEFAULT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.sgzledger_events ALTER COLUMN notification_id SET DEFAULT nextval('golden_v2_keyed.sgzledger_events_notification_id_seq'::regclass);


--
-- Data for Name: balance_at_position; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '助学', 5, 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-wanghe', '', 7, 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-lishanren', '', 10, 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '', 11, 800000, 0, 0, 0, 0, 0, 0, 800000, 0, 800000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '助学', 13, 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '助老', 14, 50000, 0, 0, 0, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '助学', 15, 2000000, 0, 0, 600000, 0, 0, 0, 2000000, 600000, 1400000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-wanghe', '助老', 17, 30000, 0, 0, 0, 0, 0, 0, 30000, 0, 30000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '助学', 18, 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 19, 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '助老', 20, 170000, 0, 0, 0, 0, 0, 0, 170000, 0, 170000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-qingning', '', 21, 20000, 0, 0, 0, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '', 22, 1100000, 0, 0, 0, 0, 0, 0, 1100000, 0, 1100000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 24, 500000, 0, 0, 240000, 0, 0, 0, 500000, 240000, 260000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '', 26, 1100000, 100000, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 27, 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-lishanren', '困境儿童', 28, 80000, 0, 0, 0, 0, 0, 0, 80000, 0, 80000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-lishanren', '困境儿童', 29, 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-lishanren', '困境儿童', 31, 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-lishanren', '困境儿童', 32, 680000, 0, 0, 360000, 0, 0, 0, 680000, 360000, 320000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-lishanren', '困境儿童', 34, 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-wanghe', '', 36, 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-wanghe', '助老', 41, 230000, 0, 0, 0, 0, 0, 0, 230000, 0, 230000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-wanghe', '助老', 44, 230000, 0, 0, 180000, 0, 0, 0, 230000, 180000, 50000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-lishanren', '', 46, 500000, 0, 0, 120000, 0, 0, 0, 500000, 120000, 380000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-wanghe', '助老', 48, 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-lishanren', '', 49, 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '助老', 51, 170000, 0, 0, 150000, 0, 0, 0, 170000, 150000, 20000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '助老', 53, 170000, 0, 150000, 150000, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-qingning', '', 54, 120000, 0, 0, 0, 0, 0, 0, 120000, 0, 120000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-qingning', '', 56, 120000, 0, 0, 60000, 0, 0, 0, 120000, 60000, 60000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-qingning', '', 57, 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '', 59, 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);
INSERT INTO golden_v2_keyed.balance_at_position VALUES ('cz-cuizhai', '助老', 87, 190000, 0, 150000, 150000, 0, 0, 0, 40000, 0, 40000);


--
-- Data for Name: balance_on_day; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-01-15', 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-04', 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-05', 2000000, 0, 0, 600000, 0, 0, 0, 2000000, 600000, 1400000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-03-05', 50000, 0, 0, 0, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '', '2024-02-20', 800000, 0, 0, 0, 0, 0, 0, 800000, 0, 800000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-04-02', 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '', '2024-05-06', 1100000, 0, 0, 0, 0, 0, 0, 1100000, 0, 1100000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-05-15', 500000, 0, 0, 240000, 0, 0, 0, 500000, 240000, 260000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-01', 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-19', 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-20', 680000, 0, 0, 360000, 0, 0, 0, 680000, 360000, 320000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-wanghe', '', '2024-01-30', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-wanghe', '助老', '2024-03-08', 30000, 0, 0, 0, 0, 0, 0, 30000, 0, 30000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-wanghe', '助老', '2024-09-10', 230000, 0, 0, 0, 0, 0, 0, 230000, 0, 230000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-lishanren', '', '2024-02-18', 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-wanghe', '助老', '2024-09-25', 230000, 0, 0, 180000, 0, 0, 0, 230000, 180000, 50000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-lishanren', '', '2024-09-27', 500000, 0, 0, 120000, 0, 0, 0, 500000, 120000, 380000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-04-10', 170000, 0, 0, 0, 0, 0, 0, 170000, 0, 170000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-10-09', 170000, 0, 0, 150000, 0, 0, 0, 170000, 150000, 20000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-qingning', '', '2024-04-16', 20000, 0, 0, 0, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-qingning', '', '2024-10-21', 120000, 0, 0, 0, 0, 0, 0, 120000, 0, 120000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-qingning', '', '2024-10-24', 120000, 0, 0, 60000, 0, 0, 0, 120000, 60000, 60000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '', '2024-05-20', 1100000, 100000, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-10-16', 170000, 0, 150000, 150000, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-13', 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-wanghe', '', '2024-07-12', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-lishanren', '', '2024-10-08', 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '', '2024-11-06', 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-11-02', 190000, 0, 150000, 150000, 0, 0, 0, 40000, 0, 40000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-wanghe', '助老', '2024-10-08', 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-05-24', 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-qingning', '', '2024-10-30', 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_v2_keyed.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-07-01', 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);


--
-- Data for Name: event_chain; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.event_chain VALUES (1, '\x5544f1fa1f610a1277a75efb2cc9125476cc0316b9d156c908bdef3768646e84');
INSERT INTO golden_v2_keyed.event_chain VALUES (2, '\xe4179d507729012ae52e083d93706d6e1ed57b240900ed0f0c74efb5a0504c8f');
INSERT INTO golden_v2_keyed.event_chain VALUES (3, '\x770a9e90faf9c903cf81498c3d5ef17c3312b835760755ccacb2a049192646c8');
INSERT INTO golden_v2_keyed.event_chain VALUES (4, '\xd954e663d6bd51bde05d98073cb378cb523992f33140ea2a210d5302b0e78072');
INSERT INTO golden_v2_keyed.event_chain VALUES (5, '\x3b9f62861c6b36a8b3742b07da7d22805e63795ff3eda23e1d2dacf6ee14af90');
INSERT INTO golden_v2_keyed.event_chain VALUES (6, '\x2dd50efcea2f0015d2bb6d1f61424dce89204f1e63995c1c6786c3c1224a4f48');
INSERT INTO golden_v2_keyed.event_chain VALUES (7, '\xc031abe04f4b7ee76e855e422da017685f5dfa08acbd77827d76f827a9818319');
INSERT INTO golden_v2_keyed.event_chain VALUES (8, '\xc5b3dcd911045102a36b499e65833ef98c634446c2f88d04df67f2ca5d74d522');
INSERT INTO golden_v2_keyed.event_chain VALUES (9, '\x5675509e1096067bb2a07d7f0d24c9a1fea7ca4c74b79fd8b4c6362dd4658091');
INSERT INTO golden_v2_keyed.event_chain VALUES (10, '\xf08bc55bff4f98dce856a45ee61abbc2270e7e075cdb24647bcec4ab6b543ae8');
INSERT INTO golden_v2_keyed.event_chain VALUES (11, '\xa0f1b859cac195993152f51e456045d5ecff1568c20405bd7dba4ed979a3949a');
INSERT INTO golden_v2_keyed.event_chain VALUES (12, '\x259d6e1c97a703fc1c9d36f1cdff32fbeda133a8365fad60aefc030b20bfd550');
INSERT INTO golden_v2_keyed.event_chain VALUES (13, '\x49a62e111d56dc77a3433a78156ffe51b325db3067b28cee1239abe267bdfb6f');
INSERT INTO golden_v2_keyed.event_chain VALUES (14, '\x76b911a46e8132e9f51f5c1bea29f5bf4398bb12a8e0177b016cbccb51fc8720');
INSERT INTO golden_v2_keyed.event_chain VALUES (15, '\x1fff918ebf7b0dc7391805510a8ce8718ffc4d46ba643b352bbc5f911a16f198');
INSERT INTO golden_v2_keyed.event_chain VALUES (16, '\xe789d6bcd335f5eca3539be241c1221ec78cc2b55eaca6e155327317ee6829b7');
INSERT INTO golden_v2_keyed.event_chain VALUES (17, '\x21c80daad55265584d52861c0e755349d6b2f6b4a7ae98818b6a6d237a8920f8');
INSERT INTO golden_v2_keyed.event_chain VALUES (18, '\x57e0346aaaf2b26878b321b17686d030e86f39fab47f09cd28fd7151218cab85');
INSERT INTO golden_v2_keyed.event_chain VALUES (19, '\x80b0da68d846638b7ac6f5ad81edf48eb1123d3e121780255d9d5439a43774a1');
INSERT INTO golden_v2_keyed.event_chain VALUES (20, '\xc2b7b4c0588121ada293324b7afdcda196af39cdfa0e2e94dcd238d2e573c2dd');
INSERT INTO golden_v2_keyed.event_chain VALUES (21, '\xd4ab6552e0d465e4a9a27583f442e68e1b123169ce96194b3f70ec502a77e054');
INSERT INTO golden_v2_keyed.event_chain VALUES (22, '\x11ae3a2fc5a6905d99f0ba1c5e4c5341acffbf985f4a3c205a235e6a8f2430ba');
INSERT INTO golden_v2_keyed.event_chain VALUES (23, '\xc0cf196bda4b75f2fcb1e0b3d7b1ca01293e6a86f811043217888a9841988837');
INSERT INTO golden_v2_keyed.event_chain VALUES (24, '\xd784dce223a880944da6b757ff8802401a136d73117d06f2c2f72d8aadcd492a');
INSERT INTO golden_v2_keyed.event_chain VALUES (25, '\x2c000062012ea76409abbe7228cb996f47ced0a252f0446ae0e954bf3eef35cd');
INSERT INTO golden_v2_keyed.event_chain VALUES (26, '\xb4abf783ab23956a6aab2a6b4d9e8f0faf4c6027a758e1a3c2a97c691a42f367');
INSERT INTO golden_v2_keyed.event_chain VALUES (27, '\x9afa7dac519664a1380ac917f770fffafcdc5b4660c146f2f04f753c93d93414');
INSERT INTO golden_v2_keyed.event_chain VALUES (28, '\xd917bf05361abd301fc427d1ae1a181bea42b3b730df41f99b572b39bad7a983');
INSERT INTO golden_v2_keyed.event_chain VALUES (29, '\x99b19c50f30f295b43f508c90fc9aa841ae4522cf37247d75ab925ed9a2e27d0');
INSERT INTO golden_v2_keyed.event_chain VALUES (30, '\xd705c93cd25b30548c5fbd9acaba1ed91169b647f0f0035c76314d136eaf9f94');
INSERT INTO golden_v2_keyed.event_chain VALUES (31, '\xd80ec456c4958143db243c6c5cebf5ddd4d50aaf46c2d68d4ddb07a6b0304b50');
INSERT INTO golden_v2_keyed.event_chain VALUES (32, '\x938bad10243bbd5510358c815f283c1aa9c8465111496d88c544346d5558113f');
INSERT INTO golden_v2_keyed.event_chain VALUES (33, '\xb810a3d2beec92a4bbf96317fa66c63464c77111d989a052cb593045b055d2a7');
INSERT INTO golden_v2_keyed.event_chain VALUES (34, '\x2b8366993f23883fe73a976ca1c2cc01dd485b5819c3d2ffa9dc4f106229f1e2');
INSERT INTO golden_v2_keyed.event_chain VALUES (35, '\x45a2b583718989619826b74f365b5af8672fb5e29e32051aa8511877b7e092a5');
INSERT INTO golden_v2_keyed.event_chain VALUES (36, '\xf59151c5347b87a7578aafb053cc02c26e699847efb104567b6af6fe52819261');
INSERT INTO golden_v2_keyed.event_chain VALUES (37, '\xd2430973b8ccc46538de4e049efeaea72b62f91be4b1f159ba8dabcc63b45710');
INSERT INTO golden_v2_keyed.event_chain VALUES (38, '\x8018af9723b2934681ad7f18229783507bbc73566a2c895098453ea5e715bbdc');
INSERT INTO golden_v2_keyed.event_chain VALUES (39, '\x94908b4da85fe6b2b4327ee69283148468be8344b578f8e2a1b3223e5d2fc5e2');
INSERT INTO golden_v2_keyed.event_chain VALUES (40, '\x32025a498e8ba072e50f943454fbb017a852782e2df17d841e7d2d6c64a7776a');
INSERT INTO golden_v2_keyed.event_chain VALUES (41, '\xc7e76a90fb2ef4b7f396bcc4217165b3765c157b9db69c75ecae89c7fd863d70');
INSERT INTO golden_v2_keyed.event_chain VALUES (42, '\x5e10bb387a8460cd1a07de1bb7bd9e1e7a1e8efe4022b39304c1c6e1269533a7');
INSERT INTO golden_v2_keyed.event_chain VALUES (43, '\x01c6a77b70f96200d6867f50cc1fdf2b47a8fd1447638d8f8e0a8a8035180f59');
INSERT INTO golden_v2_keyed.event_chain VALUES (44, '\x60de70fec3ec94750beb1cd3889b7e1aab25d979a612051986f00718b7c7cda9');
INSERT INTO golden_v2_keyed.event_chain VALUES (45, '\x5679edb09108560037e3516d2c56cac65dfda016bdac59c080811cbc66da1615');
INSERT INTO golden_v2_keyed.event_chain VALUES (46, '\xe4a9ff7e817c86035741e16f9747a3af40ef7ad17c2d2fcd58df1e6ef86032f8');
INSERT INTO golden_v2_keyed.event_chain VALUES (47, '\xe4613a613c7b140183a8d54f5f70b11aa02a042b5405eb9aae1a734d489bc097');
INSERT INTO golden_v2_keyed.event_chain VALUES (48, '\x65446a8613f484ca9485502b0e24a62c8727460e12a42f3576b3ee0a7cf4be5d');
INSERT INTO golden_v2_keyed.event_chain VALUES (49, '\xb70fd3427d9767aea54b81df1108a529240175127a7c1401727a3f5d6f6e60e2');
INSERT INTO golden_v2_keyed.event_chain VALUES (50, '\x9d913f78035478ae7c6df49503b1fe5bf63346e6efb4c56212bd9bf37b3feede');
INSERT INTO golden_v2_keyed.event_chain VALUES (51, '\xa3ebaaed898e91f234ea9c66ddb3487a55464bc4ea09c468e5a40e5a7fdecc01');
INSERT INTO golden_v2_keyed.event_chain VALUES (52, '\x721a000eb4971c3cc16a134b2caaf2bd9a99694f5780d72963082a2f6284eedc');
INSERT INTO golden_v2_keyed.event_chain VALUES (53, '\xc40b77df218aab1591d47cbc6309a136e308826d23bb00b0467d3e51f4bc1e03');
INSERT INTO golden_v2_keyed.event_chain VALUES (54, '\xe78549f353e777e2aa8836add2daa3217e8fdb38120a0e6610fe66dff417dc54');
INSERT INTO golden_v2_keyed.event_chain VALUES (55, '\x056f520989efedc542ca5cf7374fa8d9e7b7984a176aa531501faa256726ceb7');
INSERT INTO golden_v2_keyed.event_chain VALUES (56, '\xe54966922a527437276e264471bd7c1ff60157421b605de4102faaf49990f034');
INSERT INTO golden_v2_keyed.event_chain VALUES (57, '\x04f89638bacbe539bf2e924e0ea31874b30ff6bd4f7d064467551077224a9106');
INSERT INTO golden_v2_keyed.event_chain VALUES (58, '\xa4f88ce39ae737efcecd638543f04257792f838863f49bf964ab2dc3afac7727');
INSERT INTO golden_v2_keyed.event_chain VALUES (59, '\x238189b0bd2393ef2ea1039536ad1b4c1138bfe190a85bfc278aeb780b97b0a1');
INSERT INTO golden_v2_keyed.event_chain VALUES (60, '\x66f049c0386fa932af3e4354c865eef8785a13501fe406dea0d4ef7a0ca75b77');
INSERT INTO golden_v2_keyed.event_chain VALUES (61, '\x30f20d113b15d74f8b8f0838c927141c8f40a889b92ae8608087112802be72d4');
INSERT INTO golden_v2_keyed.event_chain VALUES (62, '\x90a2b444ba59ec4ca8b3272225413a721fe3b82616508846528f89c274889b07');
INSERT INTO golden_v2_keyed.event_chain VALUES (63, '\x98f742b212315eb12015fe8b4cb1e077b028021cbc89e346494e25bb40ac99c6');
INSERT INTO golden_v2_keyed.event_chain VALUES (64, '\x33e05b1f15e4a647d43a38b5939c73d4781de17420952fcf76a13d9c345608a0');
INSERT INTO golden_v2_keyed.event_chain VALUES (65, '\xa17fb4b7310ae86e8583f3ba48b24065fb6cf97a2f738c6a694ec079a7805c0e');
INSERT INTO golden_v2_keyed.event_chain VALUES (66, '\x7034e8093cded03218be0faf4e5a0d94364f2195fc575c57d34efa4c08fb5ed2');
INSERT INTO golden_v2_keyed.event_chain VALUES (67, '\x096122f532f7abde6ff6d175f7c264799e94b90b6f1bb390b2e06e29e72b1a68');
INSERT INTO golden_v2_keyed.event_chain VALUES (68, '\xfa89f75974cda581cf371f9d7655a8c3d7f07d1dbff1c206440b8d0d3c9c27b0');
INSERT INTO golden_v2_keyed.event_chain VALUES (69, '\x8f128d4d5d493ac161874c311e39c917489f63c925406cb3285a97b336271476');
INSERT INTO golden_v2_keyed.event_chain VALUES (70, '\x263346c208483dba7757108ce88ef4753b963b6a1923a15281deaf757c5b791f');
INSERT INTO golden_v2_keyed.event_chain VALUES (71, '\x59f5fea1e238ceca9deee9f27b97092e0db4f36fbb605b8134f4663623f51c68');
INSERT INTO golden_v2_keyed.event_chain VALUES (72, '\xd5ba00fd9dde73b66fc21d94ae4c4afd68c98923cbbb59798a101d513fac2c3a');
INSERT INTO golden_v2_keyed.event_chain VALUES (73, '\xe0359c43e9e5e6d787cc5247e01cb28ddad4b51f64bd59441d99253a99c5162d');
INSERT INTO golden_v2_keyed.event_chain VALUES (74, '\x9aa55c1e1e255663662a7cd5277a876d63979c7116384a6106453ed7c2ff4143');
INSERT INTO golden_v2_keyed.event_chain VALUES (75, '\x4c57a1e0f1b9fcf70e58b98c792888ab5191daf9ec8752cc112ef421f22e5fa3');
INSERT INTO golden_v2_keyed.event_chain VALUES (76, '\xf723a6aff533d511296028565f9464e67b8ef0c2abfcdc8b89379f434b1c84c7');
INSERT INTO golden_v2_keyed.event_chain VALUES (77, '\x522097e9f733da30d1beca6374cf8ef2718b6ab11efa7b54d7e7aeb03d7d0a25');
INSERT INTO golden_v2_keyed.event_chain VALUES (78, '\x3b6730cd9460e78cbaa31ce1e38ebfa1d949ee4bf66ce03d63dc4852284527fc');
INSERT INTO golden_v2_keyed.event_chain VALUES (79, '\x16c282f7df2162b39bc71758da2a46b9a47d68cb9d754769463e94e484a6f304');
INSERT INTO golden_v2_keyed.event_chain VALUES (80, '\x6b73fe0c1978bdb2e60e5d17333561f0e9c90e5fb6fc3a5cb96aebecb89bfb19');
INSERT INTO golden_v2_keyed.event_chain VALUES (81, '\x791bf20cac2105e35b2f56f317997de3a329c4663b69bfb910f2afff1cdf15c7');
INSERT INTO golden_v2_keyed.event_chain VALUES (82, '\x781418870b77e1fb45287422e6592285bd72fc3555709d6b7bfbe26259ddcfbc');
INSERT INTO golden_v2_keyed.event_chain VALUES (83, '\xb168c9dcc22c9764d3d125df449a9592bdeaa42b03f106c36cc2c547ce91ce69');
INSERT INTO golden_v2_keyed.event_chain VALUES (84, '\x655aecb383e13612f7f3ebd86597ca4c8c26740378252d416077f48be583bc8d');
INSERT INTO golden_v2_keyed.event_chain VALUES (85, '\xb5bfa3afa5d2791489cfe167a811c30abf8b8ae1dd80b242348bf109c9f3fb01');
INSERT INTO golden_v2_keyed.event_chain VALUES (86, '\x9e8dfe26e8f2ec648221142adb2b2de94d57788a57935abc679686c85a12c0af');
INSERT INTO golden_v2_keyed.event_chain VALUES (87, '\x089b06590b3f49bca0b47b7b19829f7ad01acb43b9f5189764e0a3725c60328a');
INSERT INTO golden_v2_keyed.event_chain VALUES (88, '\x3faad88ab8a3a57fe8636b20b1dfde0d16f96a4dc6a98e2c62e101de43c1604b');


--
-- Data for Name: event_chain_meta; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.event_chain_meta VALUES ('format', '1');
INSERT INTO golden_v2_keyed.event_chain_meta VALUES ('algorithm', 'hmac-sha256');
INSERT INTO golden_v2_keyed.event_chain_meta VALUES ('key_fingerprint', 'b4c539d465dd1470bd600d89627194f3');
INSERT INTO golden_v2_keyed.event_chain_meta VALUES ('cipher', 'aes-gcm');
INSERT INTO golden_v2_keyed.event_chain_meta VALUES ('cipher_key_check', '7f93fc5adf802245deb0c83eb4c1d491');
INSERT INTO golden_v2_keyed.event_chain_meta VALUES ('text', 'canonical-v1');


--
-- Data for Name: fund_balances; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.fund_balances VALUES ('cz-cuizhai', '助学', 'cuizhai', 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_v2_keyed.fund_balances VALUES ('cz-wanghe', '', 'cuizhai', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_keyed.fund_balances VALUES ('cz-lishanren', '', 'cuizhai', 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_v2_keyed.fund_balances VALUES ('cz-cuizhai', '', 'cuizhai', 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);
INSERT INTO golden_v2_keyed.fund_balances VALUES ('cz-cuizhai', '助老', 'cuizhai', 190000, 0, 150000, 150000, 0, 0, 0, 40000, 0, 40000);
INSERT INTO golden_v2_keyed.fund_balances VALUES ('cz-wanghe', '助老', 'cuizhai', 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_v2_keyed.fund_balances VALUES ('cz-qingning', '心智障碍青年支持', 'cuizhai', 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_v2_keyed.fund_balances VALUES ('cz-qingning', '', 'cuizhai', 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_v2_keyed.fund_balances VALUES ('cz-lishanren', '困境儿童', 'cuizhai', 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);


--
-- Data for Name: fund_goods; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.fund_goods VALUES ('cz-cuizhai', '大米(10kg)', '袋', '助老', 'cuizhai', 10, 60000);
INSERT INTO golden_v2_keyed.fund_goods VALUES ('cz-cuizhai', '食用油(5L)', '桶', '助老', 'cuizhai', 10, 70000);
INSERT INTO golden_v2_keyed.fund_goods VALUES ('cz-qingning', '儿童图书', '本', '', 'cuizhai', 120, 0);
INSERT INTO golden_v2_keyed.fund_goods VALUES ('cz-lishanren', '书包', '个', '困境儿童', 'cuizhai', 15, 120000);
INSERT INTO golden_v2_keyed.fund_goods VALUES ('cz-lishanren', '文具套装', '套', '困境儿童', 'cuizhai', 15, 45000);


--
-- Data for Name: funds; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.funds VALUES ('cz-cuizhai', 'cuizhai', '崔寨村', '崔寨村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 650000, 520000, 1, 0);
INSERT INTO golden_v2_keyed.funds VALUES ('cz-lishanren', 'cuizhai', '李善仁村', '李善仁村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 660000, 495000, 2, 0);
INSERT INTO golden_v2_keyed.funds VALUES ('cz-wanghe', 'cuizhai', '王河村', '王河村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 0, 0, 3, 0);
INSERT INTO golden_v2_keyed.funds VALUES ('cz-qingning', 'cuizhai', '清宁村', '清宁村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 0, 0, 4, 0);


--
-- Data for Name: sgzledger_events; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 1, 'FundOpened.v1', '\x86f77a9fda0f5b2a9bdcbc00adb2661468c84d0d13b8633a0089c1ed4f0d272c5041fb2941564647cd4224767edf4ec539cbeb2a62b063a64397535d5731f21f3aa8363621eeb569822ad42601ab64a1afb019127b99a817837a5b452ebb715d1d669de1a9ff091cff78ec15fa0e662acd33c29b7d8bdf41177a0fbfcca964901fee19b37b9f2c2d5f61dabfada8552a55c9c74ec0d99abc45e104acfc018a4ff9db13c3b6180c9898b17aedf8f37c8498befa66b9e9ca4a7322f233effebeff9be18a2f9aaa42446c87024b886b923ca62e4f27ff078360b180574afca738f60a09cf2cc4198f481c4770f47aa4bd88c118bb95ce4b98ceaff8ccba2c5cb24d71bc9d1ff97ba608a5cae2955d4b9f07b3184084ace8a9e950c798d80de01332d22b19dd2c48bbc4d77a1f13ee4d38f1a7449eb9fd50b62189a3e68ddaf6', 1);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 1, 'FundOpened.v1', '\x6c97aff7e9c0c08539a5a6c1787f42b9ee41690a29ae722ed935c3961d696c30d6c86406bb9d9d77ef7422f205bed8318f6915bf4666f53318049bf03cec8b485a1ba1a5df2f2ab2f14eb7e6e2d42cab44ec7c7f3c306274de918b038eb66e42787f6d901860b12db476195cdbe179b2a218b4cf9a478f477e7296d402cd46fd630d2068f02ee86da1deef9ece39c5dc4687665da8c26b5f77576ec15fa5d558e46e0677d9b20f7e40847f3fe49717875506fca21b9d9ff7fa4963265ccfbba47c06cb882881ab7f2feaf68e45e22f656beac5d908edc3de8013becda2b7627ade7455cd63a67fb1791b5da70350b2524714aad953f9fdae0d109a4ed71087ec6b58249674f1e992bbf05bbac8c3fd3c1d91d75553bf5505830b4c5331f89abf0663213909e513200f06470fa57a76df2e6a3a066aa9b638952221082acf1d1a9971da33b125', 2);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 1, 'FundOpened.v1', '\x5708c5af84e273e367bb193573c4787626c890b5e6c18da8d739e01038d3fffb287ec77b825525d6f7d8a56e81b9a0bbdcf41eb5b65929d0dda75c75adaf4efa56881f80585a7c7c48244ad0cf23fc14ca1c9b3e7a8e64362aa2f069bb3ecf34236ff649e6cfe41c8721639a75da0544462f59d11aa92db8d4e075582ffba5a81fe98ae34ae200e9d9432acfd91adeb626b5e9851da257807db1620d5966660e06da598888d3e564a26da9de6690be422695d0d234e9d6e3fde173abaf413c5ab46687c87172f8d729a087310e2f7175c91796844b94d045a4574bda90c49c98ce27d3c328b34b324e7b542147c0bbce9699b97e433de90a771ae737c3bd902b5475f53536dc4af0fabcef8ccde8702cd342cf56b08fcd6974b34725e9495c0251217c4a04b55cd1c2c8d66a922db9cbab55b739137ecc218a9fd02829', 3);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 1, 'FundOpened.v1', '\x2462b6c0c3f58677fc1eb117b5b1296df70d16511e05540e34745b7b93b47627b59d1bd6db63eb07224e57dfc18e7c1fbfdc0af854c36fe815986cecfc8a6f80828b68963cfa60fd0c6309194cd177760a37c1e73c5c2225900cc726307d338d06d28c7ffbfaba783efe43a7d7ed89e4e28a1bcdfc65640b7f062f32edcdee3d63accdcfd8a4dc5b9f9719639072182321c86d39d45647d69500c55033e07d38204a82bdfbd8eb8f5d563ec676c531ec2335711cbaea62aebd000e186632db11ce211ffb2fcc13d42d5f72b9eacf9fc84347633433063e2f26d9559f69b471d49337b43b7cc5be6c891dccf73a27cb0c39e6ee39fe41b02e06db28f9058c2ae309387492da9eda6608e75274db419e7380a37a20bf2dddf2ce04145ad3bdc9f35cc77f6ca9c50190db4519a4da07611919fd9fdf4459298f66af79e7f75594', 4);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 2, 'CashDonationReceived.v1', '\xf15a31b01a68d36213dd1e7f57d769dc46318f7c3dc99d0207bf634964d9a7d20709df961910f28a3e50c5707f1d3a96191785fed5cd2c65a127a49383cf90ca412dfb254905c1e22f0563cc42542526f80da85c71efdfcb05453e1f20441f396d02855ae032cb5c252e0cd213dae07147b08030eca3ce3201cf7e5a226785f9c418b483974855384bf4fe8108b7bf70893da7303f92f379abb75dd446cb2639c7bef2425e996c4cbbb0fc4cf1a49901fdc4b48170d86238de6eeebe6e81b4dcb51535d9747ebc24918d51788c9c0884b277179bd89bd5b6e281a267e453ac572f51cf494c2ee34f5017240dd62460b4cb7514884a495f7b71f7f49aa3b1b406e00739b6802a0e744db979e946f5fb92d6ad5a08dff3db69be', 5);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 3, 'InKindDonationReceived.v1', '\xa7dab5a24f21d20582650313b117be21ec2e3daaabd30200de6ca0c0e5b388da21bdad4110198aad9a3c7e725e5ee8da1ab5ac1eb08698908f0304d3f57bb33bb86845a2624d8b9e10a45f5243efe20fcf24af389464e62477ca8c55b01e414e6b9ce18d44c4906b3b4c4fcbac825a8d42de26328fc044e47c3f2151376e6cf13c961a332e9c925da452804a3189bae380a2ed1a903e044738aa0faf4b5e46d4cea487a0f3bc5e3e58d44bad563d98fced035fd23c59f67532423a03a43d4c3ca9f99f1cf8641c349ea8055a8d7bffd199afad63abcd8e874f27edf74bc70d2dad6b8a9115fe6d9ee813562f94ae6d7fe66e0d3d005ebebba802a503dbb3f4a0086411e44b6291ca58c77e8bed88e37ad7da2c13138db809878a018946e97faced2355132ee393b54d8026a34c00480c39645c6fd21fa5533fb42947c9dbc0fbb4535edf3a38357e338c09d22dcad971740fc05a0d08d576e271ffaae3df0aacf72e3de570287f512d9f8eb37127891a38f19fba859b2b20226c1f472678295a7f87aa9bba41fde07f95f2bfe5d9a466d60bf6c64b026c3aa80d69e2f2625dabc0a79b155e7df62090a7e3c4c7028ce863b92d7759bf30072fdccf78', 6);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 2, 'CashDonationReceived.v1', '\x4c1441054f5eaa50a6ddda82e8a0756e879abbea361985a7ba9df570be4b06772e43cb6178c6b64d9e093531f5879b806ef0c41c5cf237ae8448e00b3d82fa52b3680bd4be873111c85d16c4bb8041ca25a5459aae6a972634c3e8e5228ab904427c2de19419d61a97499763ed39f97ffc7e6faf10dc6495498abd984cd80716f70b0beac68aba0c1e7343975d0d89d871080df8449539c865395bf51c1d081a78034a759ea25b60fe8c36d7f501716126c088f5f0ec9210fce67de07bc85b7e86ff8732a392f88d4c6b299bf640d80d2373d4341b56a4577e455d3011d3e3aff53e8ad9763f28cd92d947e4ba6c6d513204272f63b5ab2b342da33fcbfe30fb515b0e4de375', 7);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 4, 'GoodsDistributed.v1', '\x94439c16140542dc5fdac94d6b038da6f82ee4b7a266967a662f0f6a212711a980f401895e7423ae996ddf6e7e43d344281ee0dfc5e9140c339e01a5f7411ab07ea135926b3499ae9f81a581a73674a2102f9e16fe62baba7ae4eb6e1e9e955bb0a81ba00d13f21bed4dd869ec33987cd3e7a76bc81b5fd500246b937145ce0eeb6144aa5af108da35bb9c0693650a9e21b11ecd2ae6db5c02bad4f43b195a031f56d24b766b28623c5dde3f4dc5fb1bc3e0a55474107a09cd497a8ab0e9906ae735e32e621f92fc0c4b2851cd7d77b5a1737660fa2b6f6911f23298296e1a8f303c0b0a1afa4066ed66ce962cc3935576ee46044080efd994443ccef10bf01e03d1b05bf0c6b9d216470885d027c7fcbc919a88c5fe94b738b629fd83b3e4aebd5953d35acc007b30221888e661d6363e0318b55eef09bd12197758d5904e403d223e2da01f374b997c2166c8206d49081213f500bcd7de328de4a7222d2a47d597', 8);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 5, 'GoodsDistributed.v1', '\x29ed30fc54d116205f97520e88753015646ff955bb145af51bda732186d259cf58442c9c6a723099e8e721f2bfe664ad1c7d0316a82f22d251ac64b705683982e04fcba2ca6a5a851c67c877030ad74b67e2359e7fd6640e1613bcd74af1313395342467fd40d60abf05836952f35428d7f1f4bd47c9a3b7ba3ac24832663c261181b91468342cdbc13668b5cb29a1398c40d660287d3ae56e7e919b8cf1b303007ee788f03010e70d012c5e1e526ead89c5a252c2eea4207fc78fa32c3aa01025508c1cf5e276cdecd84e765fd338eca998b2f80558f10d0aa6a8303db8436d28aef05728df0141d25b6ec0681a3940d0faab7f6b8bb802827df315a7e1228b67233e6b6c61865e81d23436b7fb1d4ed792f0ec02aa097f1067889eefffaf271efc9d4c6b3add914a2d532fb20da8a829089ae1e61b9820ce37b0d299da23e79b70094a6db500994b853c36f984f7b078d9929f57e4163c6635ab4932c1000126120d', 9);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 2, 'CashDonationReceived.v1', '\x531163cbd9bd139a14ea5f5da553899c9fee0cd372ec06f117a873972d7510fcc080daa7f9296622b7a06bac2e8a40e7a337a2a217f90636341c78da6603c9d7f8cc188d89a81af2971f1759994c0bdbcad39f99af926d18122174b8fb1620d72c0f4c88cfbc517ad72e27345e91b5ff8dfa44822d7a13dfd7a8ceb3ef6795054414fca9b7582bc7ec0ae05eeb9924fb6cf819fa2c2a88537c1872be78aa3e7515dfdbacc2dae7d48c28196a862c076375830726447713a1acb8c679239048a4979f67316dcbc1a01e60b11f40b107f4e22d65398941ddca008ee5e68605d5adf713c834d16558a698bbd8fa0914d90d2d1110e81bbaaec3aa1f35fb8e19461cb65beaaab388749e1705ba0f0dd69c3351d0', 10);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 6, 'CashDonationReceived.v1', '\xf93052afb65e27f868ec9ceef3090a97bfc7cd06077df198195067bb1d9822b3e2158146a3511f0a70cd940080c138f635d822520bebcd9ce86646c03fc2317a0af6659af1c7eb506e9e10e692a9062c2f15fca1b786cdea6a546e5bea2c355ef61dc468adfe138871862207c27d5e0562abd34cb080ba22dd8ebc8cedca3aa99ad115211186d1d44c757e9faed50b4a00e732bb3718dd1d62ed6b0ec5489e89310c63e12d135eea9e56cdfa7b152dfa1642e69a3b4c000c99e76e4cc77f341dd1ea01fbbe6e7dfc3932e0bdbe9b62516e4462b365463ca9bf9a9e80da1ac8ac72839466a27d1420433ded637e176e20cd4217f9e4399e4b1c15ca01fde7b31b', 11);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 7, 'DisbursementRequested.v1', '\x2a76b2f050ec225e9372aa64af46e41e898628b117087b16e8e1b5e9213f6c49445d8f6ee192956349d647a1072f0df06352b6a798cca8c6b85869274e25bf580813e6f9a36940de5ed296cd895cd1cd2d24b5c37de7b569a56fa69ed4fc5c814ab64af27d65623992b5e13eca3a096a4296f20ce5c8a35f20c04444b90ac2ecbe61067e7935921911d875f1b97f816a103fce1aa6c6c0899adeac01ecaf4aea0e16c8a3dd88ddcbab7c88b7a1d0e5dcce9aaa0475f4a704b7e54ca11b6d61169c1b0205f97077b7cce182a937c8e3601446f97870e40245896d36982889d799451ffbc4144ba615b455ad0daed73a59a4187f61f3cc1468df574f644f58f2704d752642fde300b8e5239393e8bbfb594bdc4408747ce9f7b63f3058bc76c29ae2dd5ec4a041587e1093618661f4b181a404200ffbdc203a4fa91ff6', 12);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 8, 'DisbursementApproved.v1', '\x2a81e2efd16d72e51772571113d0c663f4b18e812531f6db42c3c35c5aed97e9d278d3c3202b02ede847607930710689e7d7cc471ef5dddb14c6f516a4714eec67d6f24c92e708c259ecb99a2917db40e1bdb80eb908b2661d00617aa94496ce1e6bcac9c92844c360664788719cff0ed97bcd2e7b5eb1624da7eda7bef39411362e750ff7c141ae688b88a784b6a284324e52c9f07d136ae41e8224de653c01ebb81e270834108e020db1bc427bccaa5e7a7249a9249c544a815553af7981535ce9c51e11dccf23ce54f5ba1b5d91bbe77bde76f267ad55d72eab0e', 13);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 9, 'CashDonationReceived.v1', '\x87d4d2371cd2144ff73af1e06317b443ab240da2159296e4aece6af165e9079c8c6d879590857cb37ef081483b678a9360b8cdb45efb4bafde8a81340860357354f9bf5a3a75b21338f7211bc407734e7bf307c569cbf99495b627c7e53d7bcc375e5c4872c094aac77d7bd59a997309f99c97f231c20ebbf4581f89f701727c625931ed6bef1ed818d26cf83b31e3fc29ca88aee300e8f2edeb5b0090ad9bc114d76835ee61342b369d9f041237a6013ed190ecddc86af65df965491bcb98565040175c7307983d42ab197bd4784b327138f10d623e05739c096d36f5a01338eba12efc8732df4a14294344ad0df7a09231', 14);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 10, 'DisbursementApproved.v1', '\x4ae80f0859dcad15849ecde33f60bb7e3fac8b9baa6195dd30b08b554f67055405b6176e9e9cec5f9425ab13ed1874489965c0e6e443824e83f0a13fcdf0cf29f9ca5eb68e3b8e874afa25623fc9ddaae4cd3b26b917e0029518e70a863d9edb4aa32eaf83dd6941840b386197893f6a7c763e306da00538b000b61e7e9fc2838d8e783e9efe0e472189614ed3191b23e6efa69a14b79c82099d8712b87abf7eb253b12513cf6f72f5b2f134dcc3b7a35deb7d416849b1efb0bfd8b962387ed222fa1eb10b12fe27fd172b38a48e79d7bf808a82293c345f0220d4adc7889cba', 15);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 11, 'DisbursementPublicized.v1', '\x00102ae0cae7a8f3693e2d0fae3cdbe9852c00781c4baa71a1a158252bae601f13b3cd103d4fd41b9044459e75baf0e56e846ca4ba7e257f1de2182b59fc1ea808cb6959ddbe44ecf0e2e152d9827c3c30f2d4c57f4d3b10de1bdd01714aa5febe2861ef5f561fcfe8647e7a20a02645f7c10d685541546e312e8c73ddd1d97ab48c62bbe186e91f6269e5ef8a79a3121fce69a38e95469d2f3a12b8349b55c7ff97f1f27c5eda9c741358416bb6019c3eb9f31032ee05bb9b42fdcedb50e88be3b4e53f6eddd848120c382cb70f5b70040f3ac5e96870702b0963ed6b4edb962e2f70a63facabce37c5dcfead04a4946b0f98e11b10a510ae3d73608e6604723d8c3722f6149d04bd7319c25983c9', 16);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 3, 'CashDonationReceived.v1', '\x5b05a750f26a5f8a9c681eb2b5e50e2c337ca75eed5c813a61a05a47c1e4d6c78c989b49577065a6cb8281e31af2b0d91f14e4d2b6c9dc0c7a61ed00aee4638d94e58d57c595b1c6b559bc815693276430006950139c0edfa03e83116b239c84a9a98a8fb5c96504e2428e080c14e0f08beb11f05dec95c93e4b79b70e1347df6c19b5d6796ef6da94696b1bd088988b97d55f3e86d09acfd1b1362620e1471d11227aade502047288487f5646d79936cea797da1a292be5e3d8f99eb414d8a8859c6cf07b4cd7859a87cdfce0ab579316761348873cdeb4d07069b44fdad5116b4995eb3a5a6ef60b0c34fa9fad877e3b7f67a99f9acf26d39ecc', 17);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 12, 'DisbursementPaid.v1', '\xf9af2c4534e03f153697d577888a63a1186a4faa8b5ad3917fc35f35d5a711648d6e185e62747a8edea8e7eaa4b8f2f856650e6fe2c8b3a96bce9016446c9d6e5cca711520b31de83a6820a5e4e37f45ab1783d4ae1bd35c0712cb6474f2e36a08cae320caa9517eaab35b9d0d141406c362af5a5a0228617399da3f3d1bf9f204e88b907199e15a59784a5dc36387eebc4a603b298ebc0a4d24003fb41000abc4b0f328bca1d260649cb56b9e8a056e1d3dfefc3c3b5a8c602863da9f337045b0b4d7aa5a7e43e27c12307359e2feeb898c76b6a64d629a5726d5cee79b88258e1bc27d999522a11441b8034a58e22542ae0d1686a926c35f74d9e10a5de3c101372953acf0473968471a70836d0fda7eb01048f94e5226b43c483bd6f3462ae7b616b401bfe94c51a414c477570be0d9b77958a4ba3a520345118a088cd29dc6c63c37f4d598d051236a705698', 18);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 2, 'CashDonationReceived.v1', '\xb9b1a3bdaee5456ec3479fb45532d3734ddc7ad6a20b3494c5ce07e0738cddcbcec451c2dcd4829b4c331f932ec7f7779c3268cbbd0dab92fbd8a94cbce353668325350e294dd2f3f325ae0b93274b86e06cf8afdbbc18a836d3433d1cf4172ecb5d24beb2902621b6093e11235e48adfddf08609c0f17d84d78900a5f2033b92818bbc9d10eada51d956130686ab79c3c56f7ca87e1e91eeba3b1471a3e829d96da4929031c3c9111811dc7b0132af9c6809a3708d1105cfc8b61f254e7c523e13229d6fc3c0cef4a6e5c0ef16f8c3ae81b0378039e7b3c986ce841e0186dbd354f84059c316501bec6aa55818e407fbd31b5440441270aa7a48bb714e011f4a7c84910ce2ce74880e6e3636e8c6234629d230a853f4cacf4c316ac03220787c0631d76b23813f0104d66', 19);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 13, 'CashDonationReceived.v1', '\x51a8ab32879124ecd43ca5d98d0a01fff6f9c5367fb8029f3be244b1e4c85d350d73763019aa69a4d1c46e6526114df105514409383d3573a832f6bdee08fef860998a11e35bd8fe889ee2e7026cde5a9f96d731c2c4e091f68f1deec0aefea4777530b3f5ce15daa9328a8ad0882a4d324b42123221a9fb3b369ffbc8a57892d1859e021735db2322a58be9f29390a91b61d7ce438dc516782044c47c23364e2f262a2b4874e30ed811449442a9374552b9876b93de1898b47a2789453256e2589e4d552e1000e6371b8e2befad64986b32c860970f1f5d4c418bb083de8be4e927f0c9ab3c0088edb3a0ae7561c0c5d840e287ade8f5c191efb4f8e9', 20);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 3, 'CashDonationReceived.v1', '\xaca668294cfd7465163f7515e6754903db1a8bb9df485e5e8b87ab1fb62bb9e57b65095d74dc9b89048c3217948abfa44932f3ab694cf9a6c9e65a3ce93fac66eb1efe1b2e622323f802f7f77820b9a448faca7ecf8572094f0e7e31d4d5e48fcf3ed07823e9ef7266ef54a155de41be0d11360627436606967bbac96bb3951e2da0f7a0e3b8a22d8b67e3b23b7fea81f18f10664f9739699d7ff06966dd79753ad7b5e42221991e47ea94b28b593ae2972c9cbfd8aacf09b7f7ba65c7bbc60fe44f1b06aeb642f0fb22f904d88ad8b458fadbdc16fdc5085af22335932ef7e0dbb0caec91036e24c356a8f754a2cd90d08753064e', 21);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 14, 'CashDonationReceived.v1', '\xb6ccb70919d6b075baa268e195833a38230bbfcb0a46421f3413ec41febc9bfc300bd9735a8a6e1aa542f474d12ab1cf4d7d9d9a9b2dbb9f53206e8288c104523d5aee881271b4036c0d7f3739b0582c18c05b1dabc98fe456910162db6d415b2fc483fab2e6496820f2312795fe08dc18a6e60e6908f4f6fa2e76e7edea6f78023af341cd68b299d82979078653d004f694711a0b1b675a6a0d5ff6f34626b154683570c6f4f3491b91418c8c25f00b37a9cf37ff719d2a263b5ce78134c589a37f50ad22671f9d3606e3e8dee7af79beb275cd745fe907f4b8ea389aef3da3579ac17a50ad50e83cd9c96c56976eb59f7a3ff12f3ae54143b89b647e10eaf1f5b2f9fd528c963f3e6a28f3', 22);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 3, 'CashDonationReceived.v1', '\xad54e305f850b86561fc2fb92974efe9927035086a15d88cb68d3884850f782d78657f67f6a632048234c97c00c0fcd984a8bd082ac96db943edb178f93f554700390277f9565d91d17278e6d3b9eb6036e0dda5764d5959f055573e161e7044602ebe4e230309052f513b521a7f62275f7f786d1c7cf48bae9ed83b1e67c64a4d138daa01c8ae80a4d3ef787e42fbdd06dce6d799168b02c085273dbef3d05dfac5eb852cd1c1fd24d40e88730c92a517bf49f4941d59456f9ba507bfce42aafaf7eaa5965105c8d1a7cc60ca8ab6a8a3ea1672c9408972fb676be92ae7bc979cb7d58b29fd4146e4a97d30148469e3fa021a9dcb51a3bfd85f', 28);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 9, 'DisbursementPaid.v1', '\xb2e8263601c5c884da61b79e844fc5a3494a113bb52d0d59dcfd29dd973e668c50f3dd4d2c5ee6bedb5edbb385d72c569a0c0e83bb46cc3a088ad42594cb31e2052b26a1fff5dc26f17cfe659d111670f69f8b694695ee2f1f49a6a4e9af2d23699460c210b3dd4c219426ea014a971ea8a00df09ab32926939955bf953007bd52ff354b6b1fe80d6f9741108cd8aaff5cd0719278dc3c3421fa8366d791c95d6374f5b9c83ab399a7a289ddc364935a0df052229fc182042e16059271f00ab7969b6fcd6e6e2942ea24f08cf3505d984cb817e6278b2fb845321eb4ddb2b8111bb06d3515b063c6bac25027f579b1ecc396de73abfc023387f763151c87f436188d1b6a918c30646ad443ba38522cbbd0bf5ebcbd2663c7b4f388fa58c869880d8943fb6528f18639becaa77ceb161d83f51688a3fbb6766c35b24f2ca3a011eba08f0f00f92bab1acba1bd894917defd62ba95', 34);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 12, 'GoodsDistributed.v1', '\xacddad783f77995735f427986f2d4f059ebb9f98a13f005572e0367c4bac4ae8806f3d36f992c22c7797c7d106005e10de08fd0cf5016e060a3be51e7ec1705bd437374c54a6a874876370d27fa19472de34b9baf044aaee68c5d110af602c56ea306cb4690f5723b0ee32ff2ba3557d46c50ff9c09c73eb58bb0da49f039a0f0b20c1656c9b8f7ca0b9637c847129435b3d7edb6f75ff266a327a9a97fb4bf4ad1918b896ad7b9e6171b27766bf23c9d5031a99078ce1b9ce075f0b003c1b89e44565428470b5b1f464066ed4ecc8cef0df635e1e4ad99358c88ecd19dd975fba9de09592c2c1dd0f1dd952e26533945e12aae42cef62a45bc7579b049d2a34e44f39787f5c57a7fe7d8871bac6b44967503b074d7d2fe7c760c80e2bb88f1397247f53670f48a766f6db51df0e1085591efa5dbc888636b3c7717756472ad21d741d436b04ba24dbeddf843d661476fd219bdfdd616790b12e0573a59f165d48569caf31cd82de4d979cbe', 40);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 14, 'DisbursementApproved.v1', '\xc8c8fcad8d8fe383694e336fbd357b74bcab01b94322fc23ea24dbd91e78f4e450dbc8e2320c1e01bd9e4bf6dc1ced25ed69dac54b1f03feb8c433d0e63650087705236ad03f129c205e4ae8e71dc4898b163c9df1decbdd6cf3c43fd0bb4e8938edea626dc1d64c38cbb330c9e7eea8f5668fd1441b69032eeb052b0d9b11af9b15eeec6fcdadc5e788a43b67c42fcd5365649cac48bfeb42fc88a0f378fa6a72690eda49d84ee9db27767b71332807a1754fe9f7ea5d64400e6cd655278dd1f4b026193baf64c7a522818c2e1057db4383b3551d3cbe03264ab3', 46);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 18, 'DisbursementPublicized.v1', '\xc3cff521f8a483bd2f7530614c717963583955255da5792c3deda4e0c2299efcdab271013050e8e23db2923100535e731ef3f3a591fdf8d0f4d7001cc020ba3d5e47e84f1b188bc3b29342cea420dd74e6ca8a2a85f40b0afc5f673923ceb9d79810baf86758bef9971faff39704edcae266b82899ed4fc6252b3a501f5d633ed94b846891cab31f0b316a8148b8d6733b739356c7782949fc0a6901c2b001e8adb503abbd8390e2ae834c4f77cd79211f876fa96dc39de5977ce52655165a111c27acc09ca9872dd884c1ef959692674bcf9e8610266623d9b0032b7ea01147a919140a6af1ec33e711fbbc48682e416740180929e01650010b5c34cbcbab9ba6cfa7bcb0097f4b993d71ba4632e4', 52);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 20, 'DisbursementRequested.v1', '\xea156ec98e7c2daad87d0fb329502a9272862d24c8bb9f568b003c81f94983d51143fe21263c371f62ef5d7a0190437247f66efc2cec5ab255c9b3bf741d0918bc19bb67680a32c763ffe64e86ccd9af5a528003a2e267b308e01501d7ebf253c91a00d464fe20fc4d810dbc6d8c5e136f5d4f12c3e9e54ffe8dd601cd71fd29e3a90dc64f0de6359e26b0a2d3c252d082729ba050ac93942bed12fab54bfc2914676eef43ea7cd671a612ddcc106d3728569c36f9a49d7aad95f7ea53e286ece6deb616bc61cbf69872d4c99b8452a73f3fb181b4f7e3b2939780535d50117c84c87b5bd9b35f4c28996d942b55dce8f739ac25981fcd15232b31e1d6541081eb0f9073927e0ef088bf40ef3992feffd8559c83f61b64fd4b692eaa7fa9bab37eadd6192e8695c87ce0e892', 58);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 7, 'VolunteerProfileCorrected.v1', '\x1a6d4e751175a3b6a19af3bc1d31a851be0df016cd59fedfb6500e9376c6a5d766b98cb27b77ab74780e6d4e3aa3891a123b9ac27c3909e946e5e0d258068d2af98f3fee5cea86550a5aefcb3c2fded84f646882c63a76d2db2bf8cb0597d3fa4161329215a687fd8ca640cf12587cbd55d8e73af280bb88a2bf355ad3f42712a7c4305dc799ef44b08befbb57dcf8a9be2652a099bf185f7fea0f2cea7b1014b8893ecda70c87b82ef0b049a3846739392c4ef09cad72884bede2b5c2d1a6252ee3f231b9689818364f65cb152c5ce22eaca543ce70f6277298532f0462d9f3c6d100400d34ca126a1024882ee36c1c5757c9c7c212e80fcd9e6c8e31e12051efc1614bf6658506554f93f0bcf4b102e952f8c67ae02b3b073108f65243946eccbf064496c5ec97fdeacfd0c8379b958a79c78526a6753f185f2a626230def5a72ead13e70cdd4823c1c4782dd3e1ad31476bc0c2d4484d21eef3ad68ec2b7c', 85);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 8, 'PersonalDataErased.v1', '\x04e27dae95200d7ad85316eb138aad5ca3fa759376f428c71de213b12a717d7ab99d7de9ce8c92b3e5f6d7584014334f55d711141e361621d7a4a86d2e14ca1e84693ed790facba805d14b658a783ac64d6da1d1dec1734c0afd3eaffc647b21d78a784c4773159e7917727b22e14bc7ce9b5db6c09b182f1c73148ac938d9e9b47ac87a7c92e66d406e6be4760587dc5303831113d3ad949a915f0976f751145293ea860dc08e677f6e33b6295e81b398bb7eb9019762e659f87a760436241ab57ff19db78ca8a38e4146b403e9e2adf6e592d2532dbbcaea53dcb4a891fab7a0097ba95dee923394fd8d29ba818bd9d578b5ddceaf0c33b28179d142700959f82b3ea772201a9bae48425d4ffa20b86ecca3fb938519c658d1e5b259ec13de46bb68b2ed', 88);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 4, 'DisbursementRequested.v1', '\xc7def61ad6e2e3d68d9534330c7c9888bce58c8be3f47610558e52300569f0751af0202a2d4941d957aa0a024be1f375d7faf971fc61ad60dabe920076658c1e07bc87344dbba3b68c4e1d06548712cc4b2646dfcc2dd331e9dcc030898b85b3866206252b1ea7a9b0c9ac0987aea9a1c3749427d67711e5d07ca9a5c96daafd603bf47a0efc2f007035dbe9a0b770dae8e89a19a9838d8fa91b621ab19076abc69aabcaadb1c56205ad7b14b5062abcc523afbfacde9d8f4812fe8abeca22c1222131cff285d9f98528cf897ff7b942e45e58fc3ee43822c5c555b85872f190ea486944244305337b24ac6b70a0d519fcfa8dbeefeee0ea9fba690b1adeacffd0f166e67f9bbfaae218ebd034a4f0cceca854631ca4ac38697869124d1a81ff9f181e3af35d4309b412f226e56ecb98768efb269a4762509cb154c9032e9584dc944aa8', 23);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 4, 'CashDonationReceived.v1', '\x18bf3bbadd07f2a2a0b91378725a142846d99ad3716d2d6d257ca6ffaf10329aa1abc719bc04da00eee97ca30cc53d76cfbafe2413aaeaf11093fe3785624382313391b453ec7d1390179e4f8b34fbfa8ed786912432ed7fbd597e41ea85c0c2534692c573b518315c7e877e26fe22eddd0fd42269c80b4d8f2387da8f16bdb1a13ad03970e22b6cf534fec5bd661ac9ef899c78864aeaefcf07f085f5718c61d362cf11fa16b1f46f3069ddf3e8ebf8e79d206098a56df05c88c1e2398cf4c69e81e290b3b8fb24469ca6f7e3f669b6b80c882bb64b27a101857acc872dc10e3541a88372f7073186fc2bcd8d6036718393052d8f072acee76a873982170ae0b975a261e38d90e82cd808293508b076134bc8b7867ec73f', 29);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 4, 'DisbursementRequested.v1', '\x0d4cc2b0ab36de4f14cd5be09761a13df866960d6718b3b53b51c1724cea49e5007f2d5ad81ebe84f9eb10f3f598e581d4575fe488a0d334b5e40831ce7ca0cb3abe1b7cedb0cd4f998bf20504332e64cd3c9c4a8479e0e5e90f6ee97c9e7d0912341ec7b177aec16823eb8918d9ee44653bf90f83ac4c6baed4c27290202795f1a99e612a86fe7182b0244b74c319e3aaa24f846ac5420d508ad77da6a37b527be38d3020acdfcf5d73c601b3fa11cf68ec07451db13dcb47e1de682ee3ec5f02f51d6f4bd4437b9c124f6c16e88f2956b3986e5403352d5351d186a4fe16f9c90a85a756c7d7719dd49d7454fd876e10a3fb82b30a42e7a71beebcd6a1d28237d8772729c7bc4156a387a8ce0db56fc7cc22441c684431e3', 35);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 6, 'CashDonationReceived.v1', '\xa04f670fef0d37dcf41fcb4501d45529e57002ee2e7e75eb8f9616aebea27e87224cddffda182eb8b73e537f9258278beabf81e4e8b4351c04cc358cdd7e9016967ae3562ef197ef9e096b86b9240e5234078e1439202d7ed31ca45332d6ea46d62508d5c9f6ee34196e355ed3e619ffcd29e9fe321b19c5e5a42cb26804599e145d11248d6eb2d2298384f0fa1083201c6d1ed518a0bddae33d4ffc88512773c8ffb48d80d9922e13c78a610b36b6d162a35ca1201794a2ad754fa128fc3f815bee66a08857a26cbfa7d247b3d547391cf88c5b74ec4216ada7a557bc167ebce3caab2e908487d13a0336f1fbe7eac80b1c6397', 41);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 15, 'DisbursementPublicized.v1', '\xacd7ea7a1b11a3922ecfdb23637e414fb60514124582fea3c29ddf868eda82997e2c1399e1e2e395a80be3d4dc869f8bb0c705100779692b391f7702744f75508a5d397918774288975939ae32705344e636c9560ed6b2c14834b9ee04c6a95b94b7f614bf43e37ec8b9ed412115e3dd25bbd468dfd144d6e34a97cbfd4ab304be55ce2ee1b0b0c4c2a458eaaaf7fe25c127c8920b49288509cc5e94ab57b840893a05131df90fafd14611f2aec64b643d52267f711a9503fb0d78830997c62d8252d4e58493ac2f3c3191701d096e08e1d90f3a0be63d91bd0254474dfc024011d4c1276524f782f8fd2b6d26788f36e1b219de23d27c5feb8dcee9865e8e694da039b09b8b7ac0a0656dbb1305f5f41a247ffb', 47);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 19, 'DisbursementPaid.v1', '\x13186d2bc89740cea7eb6fb97a568e48f01638d9be2a579094d78a4e90d7e560f697a5250ad6ded96339cd4ec736f3b8890a19549b5fdf19082cccf698a9d6a4ca3e002c87e49c81ae9c003f4e91ad85dd122b5dc06f02ac004a89898decbd2008f7eec1d597e63f7ae0890e4caa7780e53f43a94573ddf3fe3b77c0dfe3a6a649ef32f0c088503b7f1bd42dd92289d9c2f2622ccb06a3272c1ddde8841a4e986076e66bf19534c99daf95500aa77e9974208fc56367426598a0c2d48b3a35db348cd53977ba1affe304e0b9ffabb5fff04835e722ed1d3610c4328b1ae8159647a612c8342552bb7b4e728ef38c479e1282289b8836359eb16a4657abed5e87cb7a50b2aa0255d90eba49a4a46c9f1534ca447bf6b9a6c1fdc83737e292bb4f8bf19d1d9690837c339c903f0c2318ebb7c9a7a2', 53);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 21, 'DisbursementApproved.v1', '\xde371c05a8cc0a3e31bef164fd2cee2f4c1dcd8f4ec3d22ffdacd56aea977f441ca9e5565b739dea822bfb5bf075df83621933949defdd79a54021b9163c48d408c9388b8931d63e9894f74742ca399503cc5b1a148d7b5e83f928c2804a39ef12474b1243e3c8ef0d294058e937924b0e0dd2a1a40f47a9a3079d471bbb58b4e08778ecaa5c1ee0449a2304ed3e74cac1a05e39164286636b9ea168c84768555324954d59955d8a6cae81c6e8cc30baf554ba108a28f20f4824f0546a1236e4a1ec15ccedd01464cf9af6798b742cda7049501e96b99e859560', 59);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 1, 'VolunteerRegistered.v1', '\x3e243684480dc9c57dba5c83a8d0669acd7194656a75c95d111aee225f8036be2ffaa5197c7121cbdbd3c4a7c6e34c02cb05500c7e27dacfe974a583888f9b049695f8c391f462c7b3a4dd8ce235d6bec6f46fee5163a620ac2ebf4dc87d0d51ad179a71b1985af1ef4e6e9403516f4834d6eee8702b87684a3b202042389e0933581ec33021d4524647d19d135289260caaf44a2ea4d26c32d883e24d0c468afc3be22678a3b60ff43dfa05feff435d6478fe276ca74bea86c59bc95a6e2f56efe36f58974bec9205687fc6723c66e8a9a7f0acd79d1713f681918c2c4ffca6fee675cbd880fc4fc8000a67d5ad9eb85b6c650577d2a70a31f115db83d09471b42f40fb8c7f7a39985603324e1e15b224b5a8d4cf222dcffb108db84d6bcbc3e7dbf02baa1b11714bb1c0280cde663de271046ead2f97258d7e33d7330410942454723b3e3243a1a1fa7e9907a5699a0af674dec58cb4025275a655dcb93fb40f4f681cb3f7b222829a5794022f8bb8f1a72399bd3dd4ef4e3a2a786d7f1411bc9ccb800729c6f8ca83fb1e599802f0cb74f2f05d9e3c514641cf62796047ef1d999dd58c4e1e634fe35f596a79894e6e0f055ec819b613e8831fd5f427c45ddb2f71e3dddd5609317d3ec4837a9ce57c05f7a75b2713237152cb1caa6af32796', 64);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 2, 'VolunteerJoinedTeam.v1', '\x8a1552aaea9bb84eac5b4bd08f8a7be5e8e5061bb5271f672707ede2fd5d23e3c80d37dfddff3dfb1ac453d7ef3c1954043c54325ddcfde8bed227d34b0ba5c732802a8dfc033b0405d2ad099149c6497d23d21feff510a8be74847671ac1d2687449bf1af103b0f073ed6d07c1b6cb633e9e4905138e9ae5327aa02fbeaf414b56c411a5e82b4c2078b3039a0c71634375f5a63fb607283db529c7f98b3fabaec2a6265abf940edd2424b951e65739e0871d88cd713', 65);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 5, 'ServiceApproved.v1', '\xf6152ff1b54cd855ae52e714e6e9e78ba5b6cc17cbd343cff66c5b8fdaef7eb4285edc7338491f217c7b34692a23d32879617b1ff3f1bc6a3b41f2ecd1aae98ebde02840057f09c075d34e5f59e7ffbab362bbd7d48ebd4d825ebf028b1be15e1f67a6d7e89c37aa5cbd4ff09db31ca86699e075e37c6461f10c6f78f6e4d13de2b44f3503634ad9c82cd87380337e1e3b503eddda0518b4e2a55499323b460597f5ddf7660b1befcb6956caa0062917a7bc301b97be', 74);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 6, 'ServiceApproved.v1', '\xc2b8637d64006627b5963e6a5fe1527a9965e74261eb6a76b46b80cb5b49a3d9fcf5f20e53b98c5e4e6f1c4baa2e3e1ecfb9406c5ef7d1fc26bd52339b0615a57731396d1c678436d7f31918d73f8849738c12936364f3ed95c3583600bb3f6bea926b0ba9c9c953494ddc96444d85db48b2d6eebdda8611ae2d589f2edadac67d7ef6bd4508655ed39d4e251861b57f97f69b825b19eb234315602be01ccff4e8672c641fa61ff202b5510a89f54f9da66b427eca75', 77);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 6, 'HoursBanked.v1', '\xe576e973a074cadd75bd92fae1c3d8d1845610bac635ed07349ae26ba879a2f51ffb999ad538f0bdf1f39dd4485d9814237e2e8f95d307732c69f381a5d9e40619a8eb97df43f466442bcb13de5dc9f6dbe3b27d917ebe41e7976f96b937c9fbcb053ab8b019444fe95cea66b9018e90c8a6aaeab42bed99c67ac9124ab1364d9ffb6baaa45b6f6f401970bdbd64a4b3465b674c3c85bf6aa266d5cffbde814a5f02f05f56644519e50b9baad85c3afcb05c21538ee07df27be6e2193f5b', 81);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 5, 'DisbursementApproved.v1', '\x438519302ee5234dd09119fddb5c648160b71e7ab06e784186919c45d0a2de704d14e68f146fc959c6a893ba759e731de5849c4eb6c2fa2e28cd3009672ffdb7abf7e20d61f85884b5f03019ef9e0af1c77768c9ca62220b9e4466cdf3c6aa41d365f3fd0c73eb45a01bb175abc84752a49f41ed478a9c1f96f64864c06b870904a8096ec1faa74c52ae85adf0755d638dfd4b6f72ba8c18742bddf358176e84bc99074f2887891c1a1cb934db5a9d3cb987dc043c49d4cb85c8743c509f4eb7b62ee9da9971ef31917314dc698b094816e7834d1b60ab753cafa2ab9db66239abf791416bde9bc8a208635be4672f41fa8c', 24);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 5, 'DisbursementRequested.v1', '\x3306e8794395beec74193a1543ee6b724ba60ed28a559f19b4626dd71a4e2eda9e590f5e6133bd6b38c4e95c301c63ab68f7270acf847f1224faaa891a65c939d9061b97d6f0683e4577c789a1879a256114c49f4a13e5c30977eb71659e913cda787e233cd1a2d37ae216c53ef652294289ae14181c1979257883ab9ff8b602e50bd91b8242b7839b2300ee8b8aaa1fcac4138ba39b67903b52ca68b06e017976c62b7d895564e6780b20476e5e0ea013c97e85cad6f11cbbeea96beb0e9db12ab701f56d21223b426ad39968129621a9102a6803934148a02594fa8063eb0b798009cc4bb8f34458da14f30661db99959894e27854cf2484e3d645fe3288a845507b982128a772d4edd64c6c4228c79d644a7d2736783e331e9bb3b96a7a931766699b59314390f4f751f45919af6b921df38b59627e0e3f977081fdfb1ed67dee', 30);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 5, 'DisbursementRejected.v1', '\x05375c83741cbd0b4714c13adf1b8f65b999baea0709fab8286c8449b68aeb9dc78118ba3d3bb732517c67c28ef58d5fd6a275d2cfd1e4504d64ced23d76547eb7a5a2e7d3d722c15dcb330a2be9443a960cef1dca0989179d528600f53ce8c1765a6c655bca9bfc5669c77503d8585fc4870fc4c0f481b65c0f4500575e2843dc3910ad16894771fca77d4818f37d5b5bb68e98f1b964464351fc10a959ec1f8f44a600e46a664f6a64c67f385d797d622db12b72abd154e64639a6685bf1296042050171f8728a3938286d397c09217224ef4ab67553cd07c3e64370bdb6bb43678d50ec705c16e574ea489ad027f6e86cc1760e8464e2c5e1415c6465007b66b8bad0d1afc2902f73497b77eed68c7cb2d763cad8e16aba12c3249dc737c4cb', 36);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 7, 'DisbursementRequested.v1', '\x7f345ce0e902b5ec96fcfa29c12b0b4a900fa47eddb3e70862884e162b41ffe8cde1f71d82a99301dacb64b6dfaee720b1307beb03d08884e56445443ea1a8913ea07468503ceb791fd594cca6e9c52bf36b0e0625eef7ead8e2902742f8582994a6763f52659f68abc26af2cb333c84493b2c94de10e5befccd5bc1dad7a1021e13b547542fa964f9f49bf283a8002c48b3a5b189f42ed311a3c468d00460dbfecdee37d3e62c65dae5d262759087af14337b11c667d609f2bdc29fe13f7fd27bc681f5f3cb9c1e46099e8a312f3cb031ccaccc305eb0326bea72b80da225836c22197a4a6e876ba5b2a8de4bf15d239a6bfbf61a7dc7a393014fa6af1fff1548550420a4fd0c264a4e5c8858a57661342aac9c07cd1ca1208660a33da8d6e614f713d0042a', 42);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 10, 'DisbursementPaid.v1', '\xb6164c6eb28c7b57a449133e497cc174c1fc26c87c6de8e8bdd9627810634eba68b753d427fe740012d7e64a8f80a835e4f2f4239810584b429a8bc0a1d5fe05f232827a463b33493795d0077616828865799f6b14fae90a7e18076cda243d1fc2198a1c69903dc006e418754bdaad19597fdfbad2844a67c63e9cd053f84109d29594f94a2a136432ff62982f86e924bde9d0607d30d632ae91fe8231d4dab7c457e619b20a0d60fd52d9f9ff12d34c3a6eff47b53d24772f4094fa51a88d597041115c1a804f2486dee72a6ce473a967e9fa7328eac350dfaca82124e05c2bb89ccce2a5146d1dfcbe31e9324e2cfca22174a400dbf2eac9b952b3d0b6b885428c3521bf328c40762392841ff411354a396f90fdc1a62c4f3c5b4317d30c493e47b04fbf9d51d3ca198735b76ab8e8556d3201db0e14f4', 48);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 9, 'CashDonationReceived.v1', '\xad8e7664f38734055037210fd699a82a4d80dfef9470229294307c0953b7391132f68edd99b7328de8ca45b3875aeff6b3a6347ca741fd980ab6e847529ee7026675b49aeeb1d6f169956ad5db921ddcdcb1cd4e8dbea6cf6aefd1d431796af9b39477f4b740a8abba74835f3388f5767d568d5eb04ede9ee7b80b4185fb4d8992b7af1a5b06742d7b52f549b290c23010dae6a0bff9e20ed86d9652d5d3dad8db030abe00f900ee817df9579c3b26fde61addebbcf74b53f536601997c8a11b52ae63e149432389ceb1d562fa99f036585eea6ed14d4e93e96f32e5b23a8fc9dfc3e4aa08c87ff226e68e63df70', 54);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 22, 'DisbursementPublicized.v1', '\x925d7b97015cd7a517aca35eae4d20929a0bb6d3fa135f546dff79dcfb8ed839aac7c20ae4ad2f2d21ab82ba102fdbbbed2b60eec5a5e0c216ab7bbbafbc14ad8305ccc9792acbea8546e190e09c1612151906c27585122e7c2df4430d47b87ad3c5f3f8780592da6ce6c02ede0014777dfb46314a6f245f9933d154cb7b83fc8a929290d522a6320bd7746d9db29ee7eebd1ea8d99d298b0d49ff2f59e174b08aa4d1eb4f704fdc893bc8b0a1af91e418b505c9ac091d184262b3ff476b7cc8372f865705bee743bc25f0aa2d216210bac6de7bdc6018e49174d882f53d283e358109f51577270a3efb18894cbe8b5e8890319536e375081176c5634501844d9ccf5728d4ef3f77e0ea600cf036d7', 60);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('a809eda1-fdaa-506b-9aa8-44ee1d73025d', 1, 'ActivityPublished.v1', '\x04d207293c9a0e5608fc41f944381bba7fdaeb0af1561373ade06fe8782d259bfa67076d4ab09c20c09dc7575e457ce11358cd4493942d64582ac784dbcfe4f75f6ebd18796ff3de25ee41498c603fea4fe725d8553dbdfda3273b328d134fea5a1cfc8c44e39bf81116a963030561f8086f08aea4faaddcc52ba4acdfae14d7d130db58e963ba8139b19f63628948125a2f009b71d2fcfa18d627aeb3f05f1eee142e1fcc65009beec2b25bb66f09144e97c0ea40e46cecfeaa9db9e836d41ea31c766da1789c57d1e1fd21d45eaf7361855f6046b99b9a26c0aa303bf525736ffd35f7216ae68070b32cedc364f18b966f953da30803e0ec017076de950f5d84c461ed988f6850086f8c02bf395a4bc1a67fd61b977fa22a9d634092c6632d1133058e31df4413ce9351233a171f73fc5758b5d2e3d425aa1e0d4e8561bf896de0098ae7703664c40d6cb5ed589151b0bf64436ea6dce4b4bd617fe65e095f1af0696292d8d01bb136', 68);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 3, 'ServiceRecorded.v1', '\x484947709d8c973bd65772d176cf522d1e59ac5b7904f34b801eb406d9a7f11f85ed272910bc8cb8f8a7d96a7872d6d696c2a75d8275b4c01c4cb411e63d17804fa5427869e2aaf3336224c57e3cd335cbb6183cecf6dba7f652fd337316f55fb92e4c0cbe87166738bef5eaca12bdbd9c46607647f57465eb3eb72a0873de41b7e442544df14bdf298ab14d5bc2e13bcc5495b5e85aaf568a6928045d6ffcbca8b1b61b832a5828c3babce5615699a689785e1a9bb92998f9a80903047eb14348f1d455be8c62b6d2a1a2c397b4fc83a60f5873b2d607e8cd66f962b32556a3a9dee396c0f5d4a39c404c71cb87eaa2225fcba0cf3a495b8ffe098b4bd4b72ab612ace67eb20dcf4649459457474939970965c3c577eefee554d72693436f7b0ce640787928884ec0322357ea3bd241af546aa37014a7f910c4c7cefbb64cb52640ce1d054f8e8c5d9e927365ae2c3f725cf8c44bab124f7042c2bae461d61c7e502dc71ffcdac0dc971c87f640aced5aba267c530b0420b2b2a965d49fe79825dfc9c1dfa5f7ae607daf6f2267db6b32be70fa65136c0288450f6b10cbd2b0731209bce2730f8cfe40e809fcb19f12ee40124eddf9cbf34d6aa41c3443071e68ffb1780471bf05c9bcd7c826198724042ad184ab28b5331ffa', 70);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 3, 'ServiceRecorded.v1', '\x8471e01980e91861677755018cfb07b4078b8b5d44eed959cb641db6b0e0031c8f52078b1c8e88eb27c67396e5bfc1c645b43a269f2564b69338eff5be2832941d6cb62fd54436658b8bfd7e523398d0e5c73cc7988cfac09f3edf27a08572d0a6ec7932538533e830163646db76a844842eb4b329ac0bf0378d845f7fc1aaaf843a9d499c5a609cace7da688bf2b929812df816604a2aeef721c5415bb7b1099c49561df01b031eea2b1642f75f0990cd6f48c726c429bbaa048c5a0a456e961a8c4e7b48dfe96db29b822920c13acc519c783cc0a2e3beb025f1dc5ca8c6847739465414fb017e934403810a2138f2c00661d11cf2fb4e904e66ac06e676263cb09c2a9db8d669e2adf061ead6f09e4e601db2a379b9d314f2205b2d872ca1a10f0e4e5f4c2cc568c28ff5d71be85f28a5ad220b51e7860b17b7598fe6c8b27c2b166ba90aea02fb82a973a42bda682b701948c8e8b5745d5fa4c05e2cdbbb2305387c444f6a0556879a22ba33c06ced7793331dd279455a3451ce9ee288008bd0251f7196936125da18584f80c3fe84f6cb98ec1dcb13357f3ab067dc79c8a92f8c71705c5efa92d90d8eab8f3b64253255beec3619a8850fcce9a14a57412eb4fee3', 72);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 5, 'ServiceCorrected.v1', '\x1be63526f91bf1e6ade326a626b0e119432107880092279a683d4057ab875c335a79c16683c1bb7514ec7c23856811a235636adb8edece78ed5ab8fa99b880e7f66bf769e35f90c04c933cc052ea4785adaa8f46f3827935ee277356ac6e1d95def8e338f14d9e82413fbba22f27ae485a9ea9c94a5f1d40ebe4de80094733461e113f4e96741a4d927a671c6a46434bcdec884cb03de68742a70c1985d8ab0d64b13f4a4e70b9a5319700bade94c4dd17c6df84015ac704cb6688777b8cbf012ba324d7c0b1ecf944f0928a1ff6a2193037f1c7470eb6ef543f7e1198453c6434b4fb82c45d7059e6f524a1581ca0acf45ae953aa914e97972c5f18211f2662a99891896e4b172c22544d92df4398deecb4aea5c290200e2f184550a530', 78);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 9, 'CertificateIssued.v1', '\x3e4bba33860af3be5b4bd078065fc2155b76076f877f0f486b9743c119b7570ade52a1316eeefd6754e39ecb0f80f6d152a532cf3c5e70632f06a5448f1619ed6d733045874ee76071892489a0e4542da33f709c92fe3ab034e9dea707c17dd473a246e00e820d7997e08c7ad03b4669bbdb50d568769d53c0e1374bfa1cf6ef55bfed402d249b703417d4c699409e98acc9e43448b308c4c70fb6e1e2cd3934c298f75ef007036f0532609881a6e2276c71e103d146f48e7c997838b50cd30d5822cc3d7151974a2da9866dbdd89816bb45283cc38a77d1a9798d2a8f2e2a36ebe5a94d30a5f6ef21cda75d2cb8473a701011e381fbb29d492aac493d0cc569cab05cf2e44f39a8dc2e940d0d49bc317d9944d0f5915ab14dbe4a3379ab1e9d2a77c3d0220671ad9927f99d62b0552f29580c2a7eb18808749978c9754467afb445fb7c2a2ba30503a06a264236152abf13ab8653212aafecfb6eb9bd1c59cf194bb5b2bc59194b4409d69fb3a0d46923d99c547e2b5c003abaa9', 86);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 6, 'DisbursementPublicized.v1', '\xfc0c570933ca6739c8983908b5a27bd29b5aa70c746343111c09622eb52d3f925b6253bba6746fa39e69a4891458e2034ad44775bd56d0f696708d39a790326ad2405827c65ffd7cde7eff85b16926d8627f2bb762a3050aaefd3596a938c9096afd06bcbb311cdc9dc631fbbab48e00e0413f5ceee1ec1d9c801c6de63cfbea0e659be7b18db8ff9ce2631a4454c32d680aaa118e57440e3531f8203256fc6e465d7694d3fc2a9ea77aa8044f7b50c1b01c207c280260bf6992a92de8941083c996ec4a0041f899b7cb3e65ef00444c5f70e2ade9de53c77a79b60258f19d6ba2de2b0ad67ce6a8a100c4ef2558c4d14b2f64a1f9f9ed037106b8c50c54f2e009a6cbd01d77bc2fae99f28493f582', 25);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 6, 'DisbursementApproved.v1', '\x7ff41f7a7473d813bfc3430654344bf6d3b3517803a733f3f676914277ab9c625240d115e3ddff312a2f4fbfbe65317ed3ed9559d100bd9f961f431db167fdb062f05c432493bbda7cf9fdc76ee956675f6fb1a3a6dd1a9dcc3ce95a79c8ddb5b8e7b89ae6d996981a4ec80b4d9c5a84c22419fd17f41944f7feea3fc8acd82adbb4a6d27deabd513be7525086e147351ba1c2cf4e94e35e72eed35272f00fd1c655ec6e77c0474891ec6be45d69d19efc26ae4a4fb7228e993470cf154aadaceeb47b65634b41f90dab6ad6c0098f80cb15d3f35a0084092623bfdb273de0a6342d00', 31);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 8, 'InKindDonationReceived.v1', '\x33832370a815ca13e05041b1d7ddd526daa83c3afc1dc2684398d2d21ab7773fad4c303ad420b6825f29777688a6555a269298b2f03f24c942bcb047e842246ac5e50d2e276d03b26f5d05e29a2e37ed8576f01dc9af5e7e047b470dac2a1ea8cf4b0775b683499c65631e61cf31d9e518da8bc1ef1f6db0f41a2e43fd4950533ff098ab1c5abe9d1dad23aff692a899e9633c7a267745fa67b0fc87d8b030d98e63cd060bfdd025f757df231ce75cfbbad935f42d92e4682b42902a6691a9d305a6a372c6b2ed714ee88545216f8f64c18a9ab57d6b33b94e96aa34651f8799873ac083ea00918a8837b6d8e4b2a31ae110900ca5eadefd37ebb33aabe27275ba38fb4f1fdc5ce170169623bf71291622b226a6c1a0b01fe9fdb9a1d2f0d72299fa925bfc60764f1e1dc975b632bd409bdc71fc9798c37372bce3bbed00d84154f69ab4ba017caf0663304445ab7c792260702dd0d0a3234be631fc8b51ca3fdcb28d288bb372c28d15', 37);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 13, 'DisbursementRequested.v1', '\x2b1a594527a392262448c66bc7faabc638b6c5984182ca1c876beec29189057f67fc0b22a0de16482ad46cadc20db1702db6902de0950ab6d1515a59efd13c436bdfd4f78adc6323b09d1bec188a11ed03410384f2d305361d77a6e70bae83ff3838a29265cc42be8c924ec313c221a6597ec0f96e668b25ae551d76c554e8628fccfd63606938f2c923c792e05400d308a6b9c66a892745792e90d041e3dfa3c5737142f6b7344eabb56aaea4eca6524b68dc978724eee699b6fcce8c1a5126b70c2b8f5efada6fc32f84d5b0b599c1a8c0f97ad371d80173d26821212ad01228e4421ef0a98f024aaaeb6eb94fa5a1853bdf1d4898e86e245ac1d7f3a4be1a37c79af807b0b9cb1fb7849531618b7d70925f1b7ee51a8eeb0561e79c7140f58df98d8a65250ab83c6f80547a', 43);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 16, 'DisbursementPaid.v1', '\x3c7ad2d9d09956fc72ef943d725f2bb8a67b766afd98e304a10c689e4cc242f9516cbada2aedcf88d60508e1e80719fc960a2279b5af381fe9ca777dac616082684dfd18bdd474bfb1aecb18198253f0f55c57afd8c76b1f3cd2bf9eebf8f7a9839f738551a4e6b861b710aec1b06937c44f3fe84d20780946f28f1b92990f66540ff37c8ab1777fefb3fd868e75972f76a130127f5e12e0a16c70a1513468264697ec94bb2f4ecb6fbdce10c82624cb88c531819068bfae38c0d0375e915cb2405b8ec5b3399d9a5b54d406ff04e5a1ba4753a4359c55c98d584f91d963b485de7e803438fe524023d4310780c380f66d3d4d56e26588600533b8beda6661bbbc8645a927bebb6b6fbeb2473e67d4f396a24b0896e3ae1d269f8e0863b178e26b2ab47ef689ab730ec7640aa8dfe8fb10db82b786484f1d5b3e62df2557b2', 49);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 10, 'DisbursementRequested.v1', '\x1b7742429c7fd6cbfee1bb0e452fc134746cb2c227d2b3cef80854c42da47a66d1cb2aa7b3902678620add32056c7aeb0bc190f0e24338aca9b6e12a5db9d9303c39b08b7a491fd6524bce2b688d5bc4003b95d5305769c6925061496feb83af574741373e646a5656ff033b38c5759e53b23a208646de9bf09e8d32c5eef835a600e7729b84cded49aede763a26fcac155f9efd1348c1c2dd5fea60360c1c1e02152dd5bfb6e2ba717bca359ff23ef00049a51f266d55c3647757e7ea314eb1ea0fc013bb119767da10c4a67555e007e636052fd08bbfbe4decce860785aaea29df8e88ce1a944656b78079fd8d724127da229d0dfe0e500991eab0564aa8f3130a42977de896377680a8eaf00358fcf82a24fc', 55);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 1, 'VolunteerRegistered.v1', '\x39377485179e6923b6786628c25006cc57150c51049a1ae18530cb9340d7ba001756b95a7fc8c7f5cebad5cfaa408af162aea23d120ce34e95ed2b44b6feab1164ff1a717edadea5f543016a3f212a120be533c13b27426f65244c656abaf908adadb346ed5084f7f92061ae3aea44f66e407f0ff01c503e266213437f885b419dccb07186b9d2686e10116d7776d5f4eb3b1384a399a9b136e9d732869c7cb2ec8a8ded86dde295c6857dc551773900720a8f0aac90db70f02e3f471f837d73de3a817d7f2f8c36e9c130e6920e6a77ea88bd12ece23102abd69c7ab95be774cc44df2874837ccce33ac76d0e8e5fc970b61f6a34ac9f4cd034d6a523ae4341f09e63f728381da300ab8196970ecde24d247d69989f9b04770581e35811737b52959809f7e2fba8d13e02a61b0e8c255425194424e34cc8d1673bcfbfb0e0f1b73abd51ad973e346494cbb8da8a628c116e7f19ef236353eaea6773d28c3fc3d8569031d7e97c2b026dc4a023a7cc75ec83c9ff346815b59c8df491c3d7e330a3947056630ed8a05ae6563fc125b77141e8e7bbc39fff9d1464dedcd0d2e02df79847516dd860ac6d85960e73a48f1ea0c98f047c3742f1aebfd79a6ebe47a4cb75a4be993887ef6dde8e4ab0b8f379dd86c11986370203a5b5414bb96c3ccfd7', 62);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 2, 'VolunteerJoinedTeam.v1', '\x7925e0ec758fe5a53b8fc923c9380e7b5362cbb0c2e952dc87a66550a2e6c28e194e9d03e356ebb255a3d32ec0ac8f547a7e1870fd1219f496d0a1767b961378febf6c25af4bc12510a26dc93d134d8f09a34baef3808f597b527c1ab4502ba7ba8426149833e885095e2ca3bb6f98aa55f992d589c6b60c7301579e0372d9854a8804f10fc6cf3e152b4f44a3a0db05d1aaf3fb37e60b544d7a4a35d14884546ef172693922e639568593c3f005498e7e3d17ebf90b', 63);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 4, 'ServiceApproved.v1', '\x694081d8d860f9f023c11225b203edb5bb97450f5650354d11456b1ff23b87fe491cea59e4bdbb9c3789f24c5811913f55140b7416c2ae9cb29ff65d0fa9404b4f984f01262377565585ee5b6f160d8864210b128c8271cc7911139a8fe7d08c6edf0246f81c135f5b4a1707f6d4f8eb41b735ad4c0b333b6d3dfc149fa1723731460ff7810699f9ee3876890ed2cc1ae79e4b97ebed8817e48dd3991d0a802c04fb24c1888cba6d496fc725b6e570fe641312727175', 75);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 5, 'ServiceVoided.v1', '\x996c89a5317d9baac55f225278208266439d9d82c4ee1956536bba984546b195dd419097df91d2b07ec5890717af33d269cfc72a5bf2d67c03e17614e1d814a4d557582c71ee374d9a67f724174299f46441000321da85f317f4e501650912a65e56f6881a074f5fddca41f6103544782f5ac57938e88bdccc4d0b8864b9323381c93c48b5d7013e606e423249d9bf6baa9642a461286e8510d45fad512f34dde87111eee76c005e0b878dfc745ee87f73a21e1a8752f81579568632bf662464c40c210289a566', 79);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 8, 'HoursRedeemed.v1', '\xe5bf88c5b10fecdb2559c0b87edc4555d98d296e50b14b6cc020cf689f2b6fbc587d9a004aadac1d1b2012528732f18da24605862a51aab074dd313ff63998ae7f22fa3e389c44eecf5ef570007079ecccdcdd80b7e219dbcd402c40a0933fd9a27fc21103464559b9ed15ad76c43891189f69a31b6ad019292af4f9e45053835ed7e9fd6d6a804c34b318fed0bd7774c647ed0976cccec90aaff7fbc90806e4b19042cf07dc8bc4f6f8f5671db2cbdfa25275b9e23f1afd2c992b0b1b89a966c59908d9f5644fcc152469f6f90849519db17661a3d51c1003b7dcf7b4b61b18de753f7ba3ab71309ecb62faf0720e72249c26866b22e4ff7d9486460327b6', 82);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 15, 'DonationRefunded.v1', '\xeb388d232e4e72321c2d5a9df78324ccc78244ed67de958fcd25f3f230eb2229913bc411fb6d94db4b57d1ebf6e863d78f0ad1b2e7269d252eadc75b548ef968495e87ff1da41c63eddb93b1ba4118bc24b447272e8fdbe2ca9cd20f00dd620f793f4f4de556301a26851ab21c5bacce9663e8c1dbad26688f33fbdaee48f3fdb54f6b64af092e430c8591e42c9c25da8058b30f0293397b329a670f126b99e72631a2d6df84eca8baf08d627a2cce157950d4b16ff289adbddb59cb8a776f8c1b0a08943b4c981f1c35868d2b962e0910a72ef4e3a3cb9da3f90d6f3b19aeaf74077c0730670ed7bb6e6a39bb022c0d5e807149cc89dd0c276f56826f875670902b3a356be89c49927a30dc9c3c0614325ebd47c10b7ebee35f03c2baf564f5f7', 26);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 7, 'DisbursementApproved.v1', '\xa1cce13efa419d9b39d775bce458c2e527d604691de0ef72bc94815be0d9860e279fa23fedfd477bc77b00ff597fa167a6d164a42e2f64d411eb2c607e8e17d5d1448cf4cf1d5c90bc829287e5d501c4993464481c3c723db522c5bd139c80db4fd93c07273c266acb05e2bcc99d019bf24e04095935edf9797950f8b80afedef85d3e890243e7915cc76536910e3c11a04f64d181ab9505241ce57c1f39b6ecbecf86959eb0ed4b27770aa12d7e481413370b1138d4468141e481605df62d2f6c3caacc99abd5800460dc76dd905008e2fcea7c60c01ec28d4ba4cbd52e1f5c58a8061d0d3285', 32);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 10, 'InKindDonationReceived.v1', '\xf479e165c38506eff0243cca7c0f57d1a19452012b24a7ae0fb109c83054faaf2e80f322725fc93610f520fdc7578ff22ef58b44aed64506e341148895d060e12740a33aa5d843d8bfe2e7b7718879b7dfd86c66379c84e1775e86158d3e46f13e34a79aaacd314ec2d177dbea02abb63cfed5575147a56d52b251d46ff17de86fd35b429fef157dd3282d1766002e61f14e8e3081b2c93a9546525529e4b4b4c80f751c145327ae5824dd2a995091a77211410eec9950836ce7d1b2db977a4ded805abec4099b5719f185b30fc222f75ca366a3b8e1758db1aa35192e7e86b21c012eda900c221c0ed334cf0547da737f6bf82072d429b24fb1abee75752fb625be3a160f67007bbd478fc1738dde06945fa471fac38fbcda8da4863eccb9dcc0adcde45908b9497efe8bc204b2b29b7dec7e59d590bb449e58ca212fafaa54791754ddc868d912f211b872c0bdca4f8bf87c8f9deab131c91a13b36d15f48bbade344b2a936e215fc43e075d472ea8cb691c3bbacd04317f4718f984c13510b8596ddb9a28081ca35af4441fa0a8209768c601f3da7eb79d393d0d1ed7cb34e276de2602679aef3a0ef4683157197a29545fc4b7e51f647fcc7facf466c14847f53b80019d29ac264eb475a06880cea57bab87c351bcaedf', 38);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 8, 'DisbursementApproved.v1', '\xaf1ea5b668a378e0698bfdffdf60ce10334c8460c673f66e0ed492e14dd58c28e01375bddd30f96040e1c434b1a0c0a3622418c2161049889abc76922979c68bdaaa96896c78d5200c36dacb5693c9aa4a20fd39adb8e10d91d5ad3ce3f22e03f50be7940fbd650550ec39b63c032be795ac3615f57a755f7342427a3b796345ceebaa07dc1002810c92d7c1f8b4e2813994c037d0a60e4fafcf654847b062f8e92a4736b530e49f8f16f341eaea84c672625a8b22f39915b9dc91e43925637f3dfb38b2e2fdb028d354b113cb9608e756f7cd2622045cfa3c4b3155e476392a', 44);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 16, 'DisbursementRequested.v1', '\xec568eb928d0a04e2e1283bb14763189ac422e99b947d4ed4ab3255aee10f1c59f0fb12c0a5e4c5218e538726639b4942c5ba25e5a98b16d3c67c2d6fcac08d675329718562f0b50c25120c3105349e5225c2a30d91c2924778ad32b9170d1517ad1cf587a0023769e6ebf0791b3d4f869db74970068781adb0dede47fbd7db40ea5777b421ff5697b742992be0102babe6e3c7b24754566a8a622e5066222158748e4b3fbee78eb22dc20284d0f0b0156048f98f8d70418a1c262c20f0caa043972f8b6361b5367b57d895be5cf4bf2b6fe6390a26b980349d232bf3d3375227c08580cca4e0e1a9f2366a2b273004c70a1684247e9246708dc53e1d527df153e78877e641dfe95bbc1da8524db518a811ad75645d5e650203f56be085655c64156', 50);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 11, 'DisbursementApproved.v1', '\x2f1b5c6953a9d0ec60f7303488380281c74edc1f10d71184d2e1c6f29f747585ed5ec4875f2910a8e62f6446cfd08ca6afa785d46890ff27f6b1c32ff617ebffed732ccd518634e7f59eb01d8669845e38cca5dbff089a7f129c50e9fdb09f2e5f6158dc81d4cc76938703e41050abc7249ab4f91cdf5748882bca7630607232f7a86d72abd04b29d940566fcce7889c11dcbe023a25db17719c4c1e63806c69190d43d687682fb116b847fd30973266f106ccb0efe2a3f0541bc9514f2275ba48c033005b0adad150b6a8e45a55d086d445f622abeca17b', 56);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 7, 'DisbursementPaid.v1', '\x11b7b040e2e0f5f0c00f915e7a2767174a2422a238bb4b7eb9fa829a30c76eb865557a0fbad6a9aca412cf2da59486f4bec450caf4c89173e34e53070a8c354ef5bfb6152af5b8e55963f7b4e27e98ebb81a5f1db10fcbf6c4d6688b99bf2ebe19c0fa451ed5aead924b28b571e7b842a9cd0649696fd08067fc9049000db36b954d96f3360c5f32338db4328a2fe333f28ad277bdb596fcca5540a8ae13dee842b7697db9fc3eac95f234fa4e4b2e7d728a36ab76d8eb0f6ffcc34b1bd027af145f0e4e0459e8c488a17e051e9148139ec941200a3108d3c0974ae8105ccce751dca030e5631ec068962958cbffacef3a4ca269065bba730b971d45fe71e0f3a18368a7f1c8f031e2a1a2b69fd5a1de84dc0a9bfdb1260aeacfd5955fa272ec80ed6b366e0152741989e6e67c0b2b7a422d7f30bc5f8a2199dc2f35f0965f3ff73868f2c0be2478384f559e6fe852ad97e4be81e188', 27);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 8, 'DisbursementPublicized.v1', '\x0c109926fa358922ad88ccdf2dae47bbae1f01c81f7d34b9aa9b685b6b90f88c3c550510dfe7f86eb5b965adede2575d811eda234128668a848224f2e972aa6e8687ff689f56f1a33c581ed7277316024974d15fa005acc2fe7ea607846f7d1098635dfff1f1903eb82c800dc22d644b985fcb5fb72dcad3e0f271267882d7c8f3e47ef7898ed7389d0185636c0c4bcb11333c60f54363cf85edbb7f8ce414c4bd12d90fc5235961468ce4ecf3e0a8765ecd29bfbf6f1a9014625550d228f89326019ee1b628437b34ce8c63aad8aee6cb0ff224cbd3b2d743079d6d1729ac20a9c49d8f903cd7d0786fa49e30ab14239b5eb2e24e70322ff2869821de87500c42c469914ac5a3903d140133dec5b459cec93651', 33);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 11, 'GoodsDistributed.v1', '\x846553651efaff717a022c4dc2404c99e61c961154c761cdf5b42f16dddb5622565816548fb1e70c0afa61863bb063a237c2d7c7a6bf9495666f6c449cab584366c36b684c93ca11f47f4866063f38be5d7b8559768b202c9a72715467fbcf74576fe75ef312d2db8c3261143add430ff5ce14775f02e559efa437d8c4b0e39e87ffe56ff2f0b3723039689e22fc2e0a9aab0206d5377a6ac2d1af497766f04bcf18d1ab1c521fb7dd5eab096dd4430dcdd153b0b3db04a470af718ddcc7f072ab7fd45920ea72c64a471eda0a00c36a6f54fac3f0f79f5e659300bc96d48fd79bdc4178b0ab36d24b050ec75d414e99a6b4a0c98a1fb81951ed1f97a7e8fea30458e1448e7cf7f52375408b9718f1891fa22b3fb7e387b996e8be4fbb22d06f2679517a31365b8981af5171a84efea321dfbf040a1c9bc71a5f6240f63e1506b81308012a2831db1ea038420939f80aa0ba5db595bd2bf3034735d40d4d55a662e8597c0e28', 39);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 9, 'DisbursementPublicized.v1', '\x7cbf97ce0b7334f34bab14e2b9e1a1a860e2d109dcbbb1ad1139175bfbae1db88e1f36062078b317a5798b566fae5bade6cc087eb98fff12b94d5fdec6b3482ed121ff8f9d77f22d7f13db0d87c24a64dd00c432e6100a58ef7980ed97dbf2f6a0dc9e89d1d89ff13d60180b35b10e970194956150223eddc1ff4054fdf4198ba0f197feb77b1e1ae96980ea5082d6c1dd43847054c37b6f7a4159251bf19f7e518d8f73348be83415f928eb4628c48dfae4619015ba2f8e4985a42a73dbbc28655a45f7590e79ff2adfdfc1db091c7d813fa4b2901489f7720a4093a5754629d3f6b656824c0ee5e7005f57e1e53b6a818d6d9eb77ef4d1e3e373777198f80df3b4394a58088af531bd53a5819654', 45);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 17, 'DisbursementApproved.v1', '\x380fcfdb38707a5c2ba20ba24f08a0b411356ad574b09c75fcb1ac8297af3eda6a8a5cf0c2ae3bbbea78c19b7c8af315dbe258c46d118794038fc6be13ac343705add7bf600017dc75c0e887c10881b6d45cecb1883f99464d5709aae40537add5097e91b3f55a75fed88b5950f7457b0b3c146968c6ed4647e58d6c54ce52cc885c79dabd915ece0bf44e5e8779f6abce3e87709ea3262dcc073f8d1a1dc63b012012b41aae975606c1840b7763247c4e9fa58497d8147ca4d888b72712e8966da94e071bbe90206c988416f44cb0eb2c51f9af93aec440fcf20969f0c78416', 51);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 12, 'DisbursementCancelled.v1', '\xbadce0d22c4903a7e1674ee2be2aefa4a26a2e79d65251d932bf7b6f43ce5968dc0a4f7119047a9a81efad235af5511a6683b6a869cab8994e35a708a613b00904ac2bbc70a23cd690e47906f73179ab1b1869b78aa01554642ccc1f24686936a3f017dcf6f3dd94bac82c1e0018907260f541ed26a86e4cc8910041c75b7138a9a345ba4ca6b3b99fbfb4dc7e09e54d4e731af6306632c63366fe423823bf278e8bf2754ecd307f2bab250bf7904e42928db81dad3acd3bd96864c8a16b30b9e82add45648d93e45a73bf3c8e4cd935261125fef1d1be4b97587c3f7545406bd76aeb8c8ee2579ab673497e9b59d2c8321dd6f77c07fc5ef9a8ad70419c27547848196eac98fe2f35392f62', 57);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('c689d5c1-4a74-523a-9e65-ab2034ea577a', 1, 'StationPolicySet.v1', '\x196f5d16c06da04419f1c72473e7ea36a0dd89ca54962eaa9e9d334d0484940fc4dcba2329290e05a78a0e086f7b708eb1e920d44f015ac05dd09d9278128a7b840462efd2068b7efda7f43d3cf138bc384cfe83b0a8f18a0bab6dad30062085831d4faf36fbe399cb6ce73a8fddacb3def11b7e7737a80a1474f39e0c0db9459ba9270ee4b33c4d08d697141dc2b37d315519cc1af30ed47cf198642f179e40b73611243263669ddc41cba6b55427b14e19f66c610360cd894594eebb4a6e120612b006b94f6b045974c92a7b5740ffca40de29eae6cc335b2578ec2aef8d376b612f9387f1b4f486e0a550c584bbc41c545270bb01c5aef192aca95ba6a657d77e7b19', 61);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 1, 'VolunteerRegistered.v1', '\x107890e2e5bc0f08eb9e7bb16da555599bb2e3f942db5a21ac81d49645af14e6f435868aa517a86f4a85a20047689b2a4099c98e1b2f7bfddafd6061096adcec01a1f41474a2a2a30aedc8d15b567c8f675a0e26c6d15533e9823483eaeaaac836eb06e7cde9bce1c261f8592850940e4423b56afd45b4becb78496b338819e91d906884b2cb1fd795889c03823f2f02272b7e14f4aa43f080b2a664d4c89a7761edd26b50450bd2732dbe84ac8bc6fb02b03cbec0450236b057d0bdf6574e3e569f60501a7280a506f82224d8e99c632e5267cdb73fc89ad74fbb1e010751001090036e50ac9219387125b3268a4e89e9e43919f96f74ef7cea446bceaf3420c9e210ffeb9ae58f9bd09d89701e959d7d9081cf8c19b98565aebf197bb2e4711c5522815952e98333bd60dc18347434dd5cce4b4632e84914c1e0ee2c96eb32201eeff1a65299c8241f74a8a7fb9da07e46abd57fd4e4ad647281f1bf56dde74eed0f9b1b8fa4fe508ee3fb707c41d99a3c1c738fecc66fdbb1e5dbfc94aba05bf3b757', 66);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 2, 'VolunteerJoinedTeam.v1', '\x6b28f858c15694043b69542cf5143992a730a90020de0bed4d79b62ca5eb1419c1375ae623c16e45c88df3a6659234a158140856db0d2803ddfd66e6dfa6c9da1547db9c92ff316754cc6b560eca808f6f7a455c511442fbcc517ab8b0f485fd7a3e4af1de0a2cfb887f6d40f3937ffc7e2bd58c53402bd8b6ccb6e9c4ee73987ec36d8bbf0b2ae3031988bbff2b7089a277765d49d1e71aa5fb704cdf497aa2ca6218514867eb72ecaab907e370988231a1bcf54181', 67);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('3ba4e594-f988-5055-bf2e-dc9f56362919', 1, 'ActivityPublished.v1', '\x1d67f37a6122839313042d5d88655a3b907a23126368b4f170050b05bb8636609340444f84de1a6a091301425d9abf3604eac3767f024ae216c50970a0cfda2bfd70ed50a721ad138f638ebf84e76417e78feb2dbc8eaed21b284f0e9f9586acdcdfa75f014b3494df729185a28388f409c6af0760f02d640f166345117b167200e017d44cdbbd80d8ee43d93d86adea250a282fff7686ed5f2b7195da181d43f4c60954c8f1da976c300f01e96e0b3d3cdf478748f5fe9495e856be42fd1a6be478ff3140559a995e2b9a48ae114ef2649ea650e8ee80c32644db58a38681dadfa83926c798940448fa1fc39a80856e0cfbbe893286428e47d34e4cbb350b65d18ca1c97eaa41e6e1950f40170ad09182f2dbc99e7fb84a9ab78fa93c6481eaf416fbff944d3cd777d95d35570b', 69);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 3, 'ServiceRecorded.v1', '\x894f7d44111665b969496bb06c7fd33bebf835c66b8d9ab1ad2deed7d5ff4753d66fca71061200878ce7b48d7259cecf11ff341e3e42165fd3af49c38bae90c61053f4dd715edbf47b548a859a4ef4be63265511f530488f2a9634d533ab3c5332a1243ec61b265a57d57faa541d6d34146016d15297d837d6c20c8e37eec28d9ef19b42361bf85c72ab2255c09c7603c4fd854bfb0aa2e079bf3bea566d3eef45b0fd8900c8e2bcc79dedc188cd040837297e6b5b2c917e9440df8e5d125a4cfae8199bb44f25f6c7afaaba894b78ac77c593296ee7cf969eb70961ae8de0a1ad94aaffa2b97eb724379749e3da03a9d05670a255741d683d20f671eacd65938b429d2aab1321865824c31112fd5222501b3b7f0673979c53d6cd9cdb09409bae409693a43211432661a426fcb3b0f6e4efaf3e251a29217ae2755cbd555e6b64630820d1349a39186742955319fcb2f01425b3c9b7c367ee299f14701628d8e095db8a5cc763a40dcf2e9ffdd3287ac30f545f1744fff57df982f64f0ebab7b1604efa94cac8be6dcc9c990d146c8b5984fee419676902d6e5af0d5df0f458dc99bef3259ad3d979257a0ff72e00b3bded3125ae65d36851e7fcf3109c0420c429da1fea905cf72b80bf97b88d0ea4', 71);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 4, 'ServiceRecorded.v1', '\x6b09072aca55784941cc4ccbaebba84267500fe73b81d8edfed54c4d41a1040e8987b918cbd5ec0b29c7318cd202ad5d62f2a6c8451ada99944366bb3d55d5d1f06047804b081ad5caa721305c26fa5e3355637e3fd480f81ec0f805fdf2b2d4ae69218d606237f23761acdf0441ff93f5eb7e4eb68a2aabd9ef7ee2cf290a8e0aee07904f368ba0234e7eb088f380d15c15993578190a6f09c7a151c65076ab98bf4857b90c95109ad5e2f762085ed4c2b679f4ee1b36873912800d8b02b8f89bd9ded3e14e05118fc816953a236d434e77ec1913b89bc2c5918e120747f23579778c8f8460e5dc4f27258d01bcbf477e5d4aa320835efbcbc43ea3c5b02f6c4b4db38ba3b64f6f21c4402a835e00d188539fde28845aff234fbc8181a62e318147c95ce35c9265e8179f1beb6ba985a4b5bb79a5ef62e0d20fd5b6e3e163533b8b9d90e0150a2bf6d6fd0b5f17827fbe41229a3e010f62563852df8fabe503f9403c9cf4fa8274f7787592852d494190d5b844a9e57b5f977ad7581537139e92e040afff700794', 73);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 4, 'ServiceApproved.v1', '\xba669ce94bfd4143bea579d65673c0266480756dc4be212953f576232861bb3bb4bad3a6d2eef2c9572c5fbdf7754da877bba578fa5bdf559d0724effaf07605e46917150265794ddc4b93228f110a562ad0c55ca98461fd23dbf0fba775be4e80294c94b86f2321af5df609a0626d612e7be620fce74b0003f9530bb9eaff2f1b07ee3590d07cc7faf772b3972fdfb34552342f1d3883554e1f7e1211d7499762dec3cca2b566b8d8e67f0dbd7fa99489bf5aa78ec5', 76);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 7, 'HoursBanked.v1', '\x81e774ca058efc23594a27ecb42a0db36380a25c812532b3567505d691a655abaf1e94f958558c9f259d322695646934a99c78391eba5618c8ad8f377f8e2e1d786793d96b7016bf8a433cb45b0806476e182863cd1ab35e9c543045185f98832279e83cf253c4f71f5803de7c4c7da64af34582e744c3dfb39337acd0cc2232c1b292dcc737b426335db06ce21ffe7eaaced7e77b72d50ff67a7c6e9a0009257f9d18555a33b2ec0d7ce2d6a8c85301dc0d7612d1d9004d5c796b0422ac', 80);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 7, 'HoursTransferredOut.v1', '\x22c5fff3888e6cb11ed94daddb95fda9626744feecfa4520cc41f578b0aad51a67295f9f074e3092314dfab6d9ca48c848c7ecd1183c751bee12608252b149bf9ae8eeea4445818474c6d44476f3283fc276423661991fc0a7ce12d2c87b914043a2782f00926e48e0c689183a06415a06db3aabf07aa2cea785b4b2da7ee57881b5a701b77adff2cc76e7291f616e635f3ba578b520476b1ae923eec0dd751dd07e7d6ef847a46ad0f8635e249b7f04c0b627d0d5a2ed093d5902687cf25dac4485c33b8ae446f50eebc25f10e0df86e4b2418c9a91b41313c1191aacab88bce5cf1a74c746ceaf3b254669', 83);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 6, 'HoursTransferredIn.v1', '\xb7cac6c7cc790d88fee3b3db9d8ad547fa1dccc110c8070e8235beabf9ad1d91a1be35c82a1d5d25cabd77dbd55f81c426eb1ffdbd4e98d9ceff365bab58d955aa0219bbfa2cc395c9400327678b17117bbd71f14a3090adca8d20fefc4f6b2f207cab0319e5c4019a1122643fa7e9e542f69da09c1c1146fe5cf6441752975111d4cda93cc5c5992661b14b0814a5c3257f00a681e8af55d86018ca9917a022d8863c3e288611022fb8a01f9cc4284ad3a8f2755fead199b2601a83c016495c1c0b986e73e81ca0d832cd5b3170ed3adfec0a258677ea58d9a19da8a1369b4b80cfc613010967cfb5e21b1d1d', 84);
INSERT INTO golden_v2_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 23, 'CashDonationReceived.v1', '\xb44f7d025717c08ea4b5421747fa32e1ab606bb92bf1590b4176cc50481b6563a1a5151b51108ab5886ff068de4278a115218679059a2a6cd015487dc77ca22bcac34072a971efaff71f65d7dfea5e63cd318cebebae5f6a881bf486cca5296bb8817313583d828b6951d8fac9dd691bbda2d34f38a702e900122b8901c88d4c5827554fe22508242b0332fdb9ca7909b52c5f1a4c175e08767120d3eb88dbf19b9891aab90c2e541f58502f91bff043a9283388d1b17125386b9a390fb2f9c57917596bd15c40d73bb54e1c8eb605195d5fbfe52116128041b4de33ee9bbf70715aa9a985ae0dfb8ed06750fb4da016e0cf8ce8746bc1d5192c50726a5592bddedc1b79e6f3cb958a8d9ba8c396f70c16eef2f99c59273d5731c67d30c5253c599625ff349b0312615a180cdd2b5c20b3eac8aa2cc51d618f027423d718b3ca26db62963f7347acda5a230cc717cd67bdc7bd3bb9b8', 87);


--
-- Data for Name: sgzledger_snapshots; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--



--
-- Data for Name: subject_keys; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.subject_keys VALUES ('\x370dd2af0c180187e3fe5dc5df904acc', 'volunteer:V-0001', '\x0152b4203204677cce47be54d17f32bb5f028bc1d7e75fe9f88fd43570797e88346384acf556141d2b9823e1ce8917881b0e471c8f49206a28b18a0477', '2025-01-15 01:01:02+00');
INSERT INTO golden_v2_keyed.subject_keys VALUES ('\x1022ecd3adee89910adbc5d312a51fa0', 'volunteer:V-0002', '\x019d9414634bbefda5bb631ebe2a1aca3dd21d9778da4cd63e6b10ddd97537f9c4bbc49b4de051c259910d837f02e7167dc67ade84eac9b9fc1e4ea7d9', '2025-01-15 01:01:03+00');
INSERT INTO golden_v2_keyed.subject_keys VALUES ('\xf3a27816c201f83b50e05facf2059216', 'donor:6e55f60da7320feab728bafb07a576194e0510bd956c8b94ee1c98d43582a94a', '\x01021e88c5169bcd7d0be91f66c9fa77a68fc799002c33f4080c2ec28b64a15d8f5d05a26a7d4c1b9c081ccb41203a4a871f58b941bc84f10257905277', '2025-01-15 01:01:23+00');


--
-- Data for Name: view_tracking; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.view_tracking VALUES ('__migration__', 1);
INSERT INTO golden_v2_keyed.view_tracking VALUES ('fund_views', 88);


--
-- Data for Name: view_versions; Type: TABLE DATA; Schema: golden_v2_keyed; Owner: -
--

INSERT INTO golden_v2_keyed.view_versions VALUES ('fund_views', 3);


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE SET; Schema: golden_v2_keyed; Owner: -
--

SELECT pg_catalog.setval('golden_v2_keyed.sgzledger_events_notification_id_seq', 88, true);


--
-- Name: balance_at_position balance_at_position_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.balance_at_position
    ADD CONSTRAINT balance_at_position_pkey PRIMARY KEY (fund_id, restriction, "position");


--
-- Name: balance_on_day balance_on_day_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.balance_on_day
    ADD CONSTRAINT balance_on_day_pkey PRIMARY KEY (fund_id, restriction, day);


--
-- Name: event_chain_meta event_chain_meta_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.event_chain_meta
    ADD CONSTRAINT event_chain_meta_pkey PRIMARY KEY (name);


--
-- Name: event_chain event_chain_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.event_chain
    ADD CONSTRAINT event_chain_pkey PRIMARY KEY ("position");


--
-- Name: fund_balances fund_balances_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.fund_balances
    ADD CONSTRAINT fund_balances_pkey PRIMARY KEY (fund_id, restriction);


--
-- Name: fund_goods fund_goods_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.fund_goods
    ADD CONSTRAINT fund_goods_pkey PRIMARY KEY (fund_id, item, unit, restriction);


--
-- Name: funds funds_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.funds
    ADD CONSTRAINT funds_pkey PRIMARY KEY (fund_id);


--
-- Name: sgzledger_events sgzledger_events_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.sgzledger_events
    ADD CONSTRAINT sgzledger_events_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: sgzledger_snapshots sgzledger_snapshots_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.sgzledger_snapshots
    ADD CONSTRAINT sgzledger_snapshots_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: subject_keys subject_keys_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.subject_keys
    ADD CONSTRAINT subject_keys_pkey PRIMARY KEY (key_id);


--
-- Name: view_tracking view_tracking_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.view_tracking
    ADD CONSTRAINT view_tracking_pkey PRIMARY KEY (application_name);


--
-- Name: view_versions view_versions_pkey; Type: CONSTRAINT; Schema: golden_v2_keyed; Owner: -
--

ALTER TABLE ONLY golden_v2_keyed.view_versions
    ADD CONSTRAINT view_versions_pkey PRIMARY KEY (name);


--
-- Name: fund_balances_i0; Type: INDEX; Schema: golden_v2_keyed; Owner: -
--

CREATE INDEX fund_balances_i0 ON golden_v2_keyed.fund_balances USING btree (station_id);


--
-- Name: funds_i0; Type: INDEX; Schema: golden_v2_keyed; Owner: -
--

CREATE INDEX funds_i0 ON golden_v2_keyed.funds USING btree (station_id);


--
-- Name: sgzledger_events_notification_id_idx; Type: INDEX; Schema: golden_v2_keyed; Owner: -
--

CREATE UNIQUE INDEX sgzledger_events_notification_id_idx ON golden_v2_keyed.sgzledger_events USING btree (notification_id);


--
-- Name: subject_keys_by_subject; Type: INDEX; Schema: golden_v2_keyed; Owner: -
--

CREATE INDEX subject_keys_by_subject ON golden_v2_keyed.subject_keys USING btree (subject);


--
-- PostgreSQL database dump complete
--

\unrestrict 1pKVeB612OqZ6wITiTHp4TYMrWKv5rXUJu21TcmJcLXUOoL4iPacvXBVXVg3dO7

