--
-- PostgreSQL database dump
--

\restrict ZvY01MF7Mc7PUZbyM2Qswj757UnMvbbukzDS8qnslLCgtLQZIHKP5a3nLZM0mQ3

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
-- Name: golden_legacy_plain; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA golden_legacy_plain;


--
-- Name: stored_event_uuid; Type: TYPE; Schema: golden_legacy_plain; Owner: -
--

CREATE TYPE golden_legacy_plain.stored_event_uuid AS (
	originator_id uuid,
	originator_version bigint,
	topic text,
	state bytea
);


--
-- Name: es_insert_events_uuid(golden_legacy_plain.stored_event_uuid[]); Type: FUNCTION; Schema: golden_legacy_plain; Owner: -
--

CREATE FUNCTION golden_legacy_plain.es_insert_events_uuid(events golden_legacy_plain.stored_event_uuid[]) RETURNS SETOF bigint
    LANGUAGE plpgsql
    AS $$BEGIN    SET LOCAL lock_timeout = '0s';    NOTIFY "sgzledger_events";    RETURN QUERY    INSERT INTO "golden_legacy_plain"."sgzledger_events" AS t (    originator_id, originator_version, topic, state)    SELECT originator_id, originator_version, topic, state    FROM unnest(events)    RETURNING notification_id;END;$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: balance_at_position; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.balance_at_position (
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
-- Name: balance_on_day; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.balance_on_day (
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
-- Name: event_chain; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.event_chain (
    "position" bigint NOT NULL,
    digest bytea NOT NULL
);


--
-- Name: event_chain_meta; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.event_chain_meta (
    name text NOT NULL,
    value text NOT NULL
);


--
-- Name: fund_balances; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.fund_balances (
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
-- Name: fund_entries; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.fund_entries (
    fund_id text NOT NULL,
    "position" bigint NOT NULL,
    station_id text NOT NULL,
    occurred_on text NOT NULL,
    recorded_at text NOT NULL,
    kind text NOT NULL,
    restriction text NOT NULL,
    ref text NOT NULL,
    of_ref text NOT NULL,
    counterparty text NOT NULL,
    purpose text NOT NULL,
    actor text NOT NULL,
    reason text NOT NULL,
    cash_fen bigint NOT NULL,
    reserved_fen bigint NOT NULL,
    in_kind_fen bigint NOT NULL,
    goods text NOT NULL
);


--
-- Name: fund_goods; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.fund_goods (
    fund_id text NOT NULL,
    item text NOT NULL,
    unit text NOT NULL,
    restriction text NOT NULL,
    station_id text NOT NULL,
    quantity bigint NOT NULL,
    value_fen bigint NOT NULL
);


--
-- Name: funds; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.funds (
    fund_id text NOT NULL,
    station_id text NOT NULL,
    community text NOT NULL,
    name text NOT NULL,
    host text NOT NULL,
    opened_on text NOT NULL,
    closed_on text NOT NULL,
    in_kind_received_fen bigint NOT NULL,
    in_kind_out_fen bigint NOT NULL
);


--
-- Name: sgzledger_events; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.sgzledger_events (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea,
    notification_id bigint NOT NULL
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE; Schema: golden_legacy_plain; Owner: -
--

CREATE SEQUENCE golden_legacy_plain.sgzledger_events_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE OWNED BY; Schema: golden_legacy_plain; Owner: -
--

ALTER SEQUENCE golden_legacy_plain.sgzledger_events_notification_id_seq OWNED BY golden_legacy_plain.sgzledger_events.notification_id;


--
-- Name: sgzledger_snapshots; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.sgzledger_snapshots (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: view_tracking; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.view_tracking (
    application_name text NOT NULL,
    notification_id bigint
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: view_versions; Type: TABLE; Schema: golden_legacy_plain; Owner: -
--

CREATE TABLE golden_legacy_plain.view_versions (
    name text NOT NULL,
    version bigint NOT NULL
);


--
-- Name: sgzledger_events notification_id; Type: DEFAULT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.sgzledger_events ALTER COLUMN notification_id SET DEFAULT nextval('golden_legacy_plain.sgzledger_events_notification_id_seq'::regclass);


--
-- Data for Name: balance_at_position; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '助学', 5, 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-wanghe', '', 7, 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-lishanren', '', 10, 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '', 11, 800000, 0, 0, 0, 0, 0, 0, 800000, 0, 800000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '助学', 13, 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '助老', 14, 50000, 0, 0, 0, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '助学', 15, 2000000, 0, 0, 600000, 0, 0, 0, 2000000, 600000, 1400000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-wanghe', '助老', 17, 30000, 0, 0, 0, 0, 0, 0, 30000, 0, 30000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '助学', 18, 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 19, 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '助老', 20, 170000, 0, 0, 0, 0, 0, 0, 170000, 0, 170000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-qingning', '', 21, 20000, 0, 0, 0, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '', 22, 1100000, 0, 0, 0, 0, 0, 0, 1100000, 0, 1100000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 24, 500000, 0, 0, 240000, 0, 0, 0, 500000, 240000, 260000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '', 26, 1100000, 100000, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 27, 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-lishanren', '困境儿童', 28, 80000, 0, 0, 0, 0, 0, 0, 80000, 0, 80000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-lishanren', '困境儿童', 29, 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-lishanren', '困境儿童', 31, 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-lishanren', '困境儿童', 32, 680000, 0, 0, 360000, 0, 0, 0, 680000, 360000, 320000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-lishanren', '困境儿童', 34, 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-wanghe', '', 36, 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-wanghe', '助老', 41, 230000, 0, 0, 0, 0, 0, 0, 230000, 0, 230000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-wanghe', '助老', 44, 230000, 0, 0, 180000, 0, 0, 0, 230000, 180000, 50000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-lishanren', '', 46, 500000, 0, 0, 120000, 0, 0, 0, 500000, 120000, 380000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-wanghe', '助老', 48, 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-lishanren', '', 49, 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '助老', 51, 170000, 0, 0, 150000, 0, 0, 0, 170000, 150000, 20000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '助老', 53, 170000, 0, 150000, 150000, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-qingning', '', 54, 120000, 0, 0, 0, 0, 0, 0, 120000, 0, 120000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-qingning', '', 56, 120000, 0, 0, 60000, 0, 0, 0, 120000, 60000, 60000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-qingning', '', 57, 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_legacy_plain.balance_at_position VALUES ('cz-cuizhai', '', 59, 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);


--
-- Data for Name: balance_on_day; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-01-15', 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-04', 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-05', 2000000, 0, 0, 600000, 0, 0, 0, 2000000, 600000, 1400000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-03-05', 50000, 0, 0, 0, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '', '2024-02-20', 800000, 0, 0, 0, 0, 0, 0, 800000, 0, 800000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-04-02', 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '', '2024-05-06', 1100000, 0, 0, 0, 0, 0, 0, 1100000, 0, 1100000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-05-15', 500000, 0, 0, 240000, 0, 0, 0, 500000, 240000, 260000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-01', 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-19', 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-20', 680000, 0, 0, 360000, 0, 0, 0, 680000, 360000, 320000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-wanghe', '', '2024-01-30', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-wanghe', '助老', '2024-03-08', 30000, 0, 0, 0, 0, 0, 0, 30000, 0, 30000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-wanghe', '助老', '2024-09-10', 230000, 0, 0, 0, 0, 0, 0, 230000, 0, 230000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-lishanren', '', '2024-02-18', 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-wanghe', '助老', '2024-09-25', 230000, 0, 0, 180000, 0, 0, 0, 230000, 180000, 50000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-lishanren', '', '2024-09-27', 500000, 0, 0, 120000, 0, 0, 0, 500000, 120000, 380000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-04-10', 170000, 0, 0, 0, 0, 0, 0, 170000, 0, 170000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-10-09', 170000, 0, 0, 150000, 0, 0, 0, 170000, 150000, 20000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-qingning', '', '2024-04-16', 20000, 0, 0, 0, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-qingning', '', '2024-10-21', 120000, 0, 0, 0, 0, 0, 0, 120000, 0, 120000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-qingning', '', '2024-10-24', 120000, 0, 0, 60000, 0, 0, 0, 120000, 60000, 60000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '', '2024-05-20', 1100000, 100000, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-13', 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-wanghe', '', '2024-07-12', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-lishanren', '', '2024-10-08', 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '', '2024-11-06', 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-10-16', 170000, 0, 150000, 150000, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-wanghe', '助老', '2024-10-08', 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-05-24', 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-qingning', '', '2024-10-30', 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_legacy_plain.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-07-01', 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);


--
-- Data for Name: event_chain; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.event_chain VALUES (1, '\x3860b80954d94b5b9052c551c3b83712601217bb9ac08f08af5eb9be07c1e446');
INSERT INTO golden_legacy_plain.event_chain VALUES (2, '\x81043cf4e64e9e2717c3dd83f961ea92b2a1fdc692a3d6f2c20fd879a9549cbe');
INSERT INTO golden_legacy_plain.event_chain VALUES (3, '\x393395b5766f9a81d52dada2199091b7869614ee3a3bdbba959f53d23722dc23');
INSERT INTO golden_legacy_plain.event_chain VALUES (4, '\x5129b3abf1ce12e116905a9b68968dd5981bf5e45a34d9903904d93bc3ae38c7');
INSERT INTO golden_legacy_plain.event_chain VALUES (5, '\x15a9b8258be82cfea18759a100264c5cfebd2ed26d4a36cee0f692346a933bda');
INSERT INTO golden_legacy_plain.event_chain VALUES (6, '\x9bb6473eac9728de461136f1cf511759fa30e88e0b1ff9a04b35b343f74e6b94');
INSERT INTO golden_legacy_plain.event_chain VALUES (7, '\x64d567fba71d656da89d96dffd9ca2b1680fc5343f14e54abd299402f92bce3d');
INSERT INTO golden_legacy_plain.event_chain VALUES (8, '\x481b8e528cd1dd99d65b105e968584edb45b5a145e66a4cd21edb802f5a9077c');
INSERT INTO golden_legacy_plain.event_chain VALUES (9, '\x74a96deef4308391c1493ef24aa2433d4c35c93f3048ff7409d69899f7b34360');
INSERT INTO golden_legacy_plain.event_chain VALUES (10, '\xcd849702e59d3f3d24eb3c6a979f5b8e6e819f66e61ef908464e2ba39033d34c');
INSERT INTO golden_legacy_plain.event_chain VALUES (11, '\xb2088bff0d3f0e97eb6d4d2d58204147f2c0e2ebac2ed149c74b5fb8b74d626a');
INSERT INTO golden_legacy_plain.event_chain VALUES (12, '\xd69399092cad4b7ed35e6a9c081555d5121109b11cee8405ce19f88201261b23');
INSERT INTO golden_legacy_plain.event_chain VALUES (13, '\x3ffca0f5ef9d947d529fc1c26f2c8a2f99e9253ba2b9ad4feec98ff7cc60f075');
INSERT INTO golden_legacy_plain.event_chain VALUES (14, '\x76a8c5fc7c3cd6e873f2ebb3272d8f6255cb24e490355d50bc397d9932df56e0');
INSERT INTO golden_legacy_plain.event_chain VALUES (15, '\x8d99b4cfc22995d411564098f1a41af692d7b1cd7ac771512efd1dae371e82f7');
INSERT INTO golden_legacy_plain.event_chain VALUES (16, '\x63bb901b9b9327a9659d7b02fa76c7a79cdd834ca40ead68ddbf4989983112ac');
INSERT INTO golden_legacy_plain.event_chain VALUES (17, '\xd6dd4f545cdc67ab4252ced211dfe549fed61b5eb1af6e5ad9261ac8b079969c');
INSERT INTO golden_legacy_plain.event_chain VALUES (18, '\x64fc16855683e526c29fb06091094e50b910437c8f809dc52b586936c7d7821b');
INSERT INTO golden_legacy_plain.event_chain VALUES (19, '\x679b903d4cb55c6b05c4917df88618b6798294b5ccd045b6891ed2a4bb60eb6a');
INSERT INTO golden_legacy_plain.event_chain VALUES (20, '\xd3282c9607f33ac157217148f4799b829f78b83125905ee34612806322a7bfa5');
INSERT INTO golden_legacy_plain.event_chain VALUES (21, '\xb36990d038828a011880a6aec28873f02d563aa5d9d93a60e8d4d054204c5acc');
INSERT INTO golden_legacy_plain.event_chain VALUES (22, '\x3247513757fc8082544db995ee9dbdfe2d6810ed0540de44d613a3c38dc59286');
INSERT INTO golden_legacy_plain.event_chain VALUES (23, '\x027a10ad6db7aaf26aa0cdb9a24604f819079e870693504f0b99cfc7083fad4e');
INSERT INTO golden_legacy_plain.event_chain VALUES (24, '\xbeff87f11e4816bd140cd0271d8010ffa4b0a6bea8f4a23f6fb45123c14d9008');
INSERT INTO golden_legacy_plain.event_chain VALUES (25, '\xcf067e5b7d8861ccf11463485cd93bd38c37b2c48043c4559e0401823f73fef3');
INSERT INTO golden_legacy_plain.event_chain VALUES (26, '\x2c4b02e281da5f57a40693507d13b56f7be8f8925ba6c9cdb6f32ad9aae0ffda');
INSERT INTO golden_legacy_plain.event_chain VALUES (27, '\xd39bc22cdddda6ac8b289235e3619b1d7d94a2a8c3b88ba6d99c4ecb9195e4bb');
INSERT INTO golden_legacy_plain.event_chain VALUES (28, '\xbf1740e27027fe2088fcbced0c994af3d734beceb1fab79472121c601bd13e8f');
INSERT INTO golden_legacy_plain.event_chain VALUES (29, '\x24181fd01ffda7653d00766f63f6d40f9e4c96e514c33a89a3287f67f625ddc5');
INSERT INTO golden_legacy_plain.event_chain VALUES (30, '\x4c99645a783a32689043aef1df474f1f1ab2b891b484680255001f8cd7d1be39');
INSERT INTO golden_legacy_plain.event_chain VALUES (31, '\xec5d48a7e8a779db97ed6f0974b8ba848960e2d3689ef186472c9c3d13d74514');
INSERT INTO golden_legacy_plain.event_chain VALUES (32, '\x9880dcf7597568e46752da37e18cf9cce6115913bf155e50eb147efb0a0258f3');
INSERT INTO golden_legacy_plain.event_chain VALUES (33, '\x0cb25d5800b6b9aa60a9aeb7077c0a7d83c3f78223bc9987a120c6904ec197c0');
INSERT INTO golden_legacy_plain.event_chain VALUES (34, '\xa372b36aedbad386b6be54ebc22743f0baf57fd038d83c544a1ec8007d030298');
INSERT INTO golden_legacy_plain.event_chain VALUES (35, '\x0faee61442449ebf45b3f5b1901133296c18bc2074e11168d696a7a777d7e384');
INSERT INTO golden_legacy_plain.event_chain VALUES (36, '\x247c02eecc4df81bdbb6b38270be40ace267b6e11fc703cf7b4617c316da2cf7');
INSERT INTO golden_legacy_plain.event_chain VALUES (37, '\x15632cf3316b46f178828859d53d42370739f630923a2acab53021664983bec1');
INSERT INTO golden_legacy_plain.event_chain VALUES (38, '\xb57a348619b73adb29a261dc615d6933d01a9f0f12de6e5261b87ced6f28a8bd');
INSERT INTO golden_legacy_plain.event_chain VALUES (39, '\xf26fc2563ed53ccba6674465c68fc983271d90c33863d9cbaf05553c94306794');
INSERT INTO golden_legacy_plain.event_chain VALUES (40, '\x0468849568ea3cbc3b958b719f9b7119e1495bb323225d35a4f7bd06177cf1b6');
INSERT INTO golden_legacy_plain.event_chain VALUES (41, '\xc244ddd83f0382df84710db9b3ba967b3e9615d38f17014a258a6e3a7c45f2f6');
INSERT INTO golden_legacy_plain.event_chain VALUES (42, '\xf3e2336e0ed5b2ed7d7ef606078b4512f2996250ecd4ce5338459f951639e052');
INSERT INTO golden_legacy_plain.event_chain VALUES (43, '\x137b1ee14ac6973c3d6d9f10f6b24e2f909850e77da120f12b372b4501be3b9f');
INSERT INTO golden_legacy_plain.event_chain VALUES (44, '\x59a2044e5f7af725bfd8f16f6ba4a3a00e4a62fd37cdc7e86bb738f4999f60ab');
INSERT INTO golden_legacy_plain.event_chain VALUES (45, '\x3bf58edf5ebe0164393b3fb2a2be892dc5d084dfc612bf7d9080fa978dfe3116');
INSERT INTO golden_legacy_plain.event_chain VALUES (46, '\xad87c560805b56616fdfc2a8892405704aa5433a8b0b236ad9fa53aa1c115df0');
INSERT INTO golden_legacy_plain.event_chain VALUES (47, '\xe0843e62eff46dcb4ade4ccf6bc62b5c93855736afde80e7bc44458d877afecb');
INSERT INTO golden_legacy_plain.event_chain VALUES (48, '\xa78a67cf6f08c92cd61ab32978a5351f073ae61f65750f2af4cc3a2c01db705b');
INSERT INTO golden_legacy_plain.event_chain VALUES (49, '\x3398683ae52356287b909324ed8aadede412fdf9d023da1ffb0bdbe40a8f35fd');
INSERT INTO golden_legacy_plain.event_chain VALUES (50, '\xaa2fbb4906e3885235fba6a025a0e36868ed839d23e443e2c4f9d76b7787fef0');
INSERT INTO golden_legacy_plain.event_chain VALUES (51, '\x897be234cee1007aa8b476d3fd532e5cfba4c456fd7c2d5787f08a260341479d');
INSERT INTO golden_legacy_plain.event_chain VALUES (52, '\xb39b47934850e54af1c00559b2ada331970467390ad04b120eee2011d0355f33');
INSERT INTO golden_legacy_plain.event_chain VALUES (53, '\x5c3ab038e92d4088d93dccdf721b227936becb2d6d0a37df3f50603a4c8707d1');
INSERT INTO golden_legacy_plain.event_chain VALUES (54, '\xbe0b9b2bfbbd52d450abf8b612742c67dc1ddadd8c9f606aedda062d6e64cb82');
INSERT INTO golden_legacy_plain.event_chain VALUES (55, '\x751ff9785a15aea92b64811e09bedad45d532e0c7ff41bac60b241678333fdc3');
INSERT INTO golden_legacy_plain.event_chain VALUES (56, '\xbd636bc9ee455642808ae152d6acb65a6e153117a8ba5392080287998b8ce2fd');
INSERT INTO golden_legacy_plain.event_chain VALUES (57, '\x8ad1b07ef904570fc52609abb4f992c753a730f7cab36294892c871f9ba17565');
INSERT INTO golden_legacy_plain.event_chain VALUES (58, '\xb754a222b1749071e6890d5644aae3a932e32a304672e3ab588b5ee7ceb4eb1c');
INSERT INTO golden_legacy_plain.event_chain VALUES (59, '\xacce1e5bade5eac99dd56d8774f4c88a04c1b886d06f100d4cef3ff6848a32a9');
INSERT INTO golden_legacy_plain.event_chain VALUES (60, '\xe62db6fcbccb7680e25fb15d6e166c0770b7b78479bb159e815e379fe2f7018e');
INSERT INTO golden_legacy_plain.event_chain VALUES (61, '\x5ad16bfb118dd4ad2308f8804883beb26734fffe1c00503057bb171485fb522a');
INSERT INTO golden_legacy_plain.event_chain VALUES (62, '\xb654786495f6acc88892640bc414e2fad9fcee8fb306b71c352a49194c833e9b');
INSERT INTO golden_legacy_plain.event_chain VALUES (63, '\x394aa16221392f8dc4b11c5e75e8e9174ffdb7da5b37ca9fdfe4c7330fe8905e');
INSERT INTO golden_legacy_plain.event_chain VALUES (64, '\x5735f6bdf02713e8760fb796d5d35ffd83ad802d723451fb06db961b64134514');
INSERT INTO golden_legacy_plain.event_chain VALUES (65, '\x6b584413f9d469123eff58f6cf535ecf696bcc5b55eed793c26d29aa575a96b7');
INSERT INTO golden_legacy_plain.event_chain VALUES (66, '\x3276b29c10ecfa7e7757be5de8736805c0232a97c29e33873bab08d5af3256ec');
INSERT INTO golden_legacy_plain.event_chain VALUES (67, '\x18adbd5e0440c4ac038dc14f1aceb72ddc9260d7d0993c79980eed707cdbc263');
INSERT INTO golden_legacy_plain.event_chain VALUES (68, '\x81aab790615f6d4b64b948155f5c535c3b102ac1230aea5b1841b02b6ded5f1c');
INSERT INTO golden_legacy_plain.event_chain VALUES (69, '\xa32fd73a7f53c67030045dcd219a6c09d613988e81f6870ef57fc85d05e4789f');
INSERT INTO golden_legacy_plain.event_chain VALUES (70, '\xc04b5d98c1830823bcff5852d8bd273db693293ece13f7902b283758a3d0a8a9');
INSERT INTO golden_legacy_plain.event_chain VALUES (71, '\x49418a4c940da3a4329321b8f70463ab2cb217baecec885d823995d46910f754');
INSERT INTO golden_legacy_plain.event_chain VALUES (72, '\x0227dce0f9fe32eec15e37c9c1ff069c302c5c6c0e6ea7fc7e53502cb02eea98');
INSERT INTO golden_legacy_plain.event_chain VALUES (73, '\x9f78c86ab4d4f20f41e0d4f02b2edee053418fc30a5092d7b4df3a504314fb26');
INSERT INTO golden_legacy_plain.event_chain VALUES (74, '\x076be6bc7f3f028ce1cde47ee9cdadf2bbca1ee186b2e45297449afca8301f28');
INSERT INTO golden_legacy_plain.event_chain VALUES (75, '\x2ae5ec9c2bc0a45e51f6fcff0ef7addb28c28982fa5c82c192e5542b6279c0bb');
INSERT INTO golden_legacy_plain.event_chain VALUES (76, '\x00472680dc9ce9988469ca2f7abdf643e766ddc0d868d19f6eb72e2eed63f787');
INSERT INTO golden_legacy_plain.event_chain VALUES (77, '\x5e27f784132f16dfb31f1f63a46f93675e74c8801d110032870f5c41ace9ccd2');
INSERT INTO golden_legacy_plain.event_chain VALUES (78, '\x9e919d6cf17b73160cfac11c2690bc6da64671936dd8fe0bdd64a137a6d494f1');
INSERT INTO golden_legacy_plain.event_chain VALUES (79, '\xce38a2c0a3413d67daf754f92a04a558b6f2732dc7ba38e1a46810113804ce40');
INSERT INTO golden_legacy_plain.event_chain VALUES (80, '\x0a8ac25b6e653c99b2968b4c83ac16359ba67960a64ae470854b75d9e11b38b0');
INSERT INTO golden_legacy_plain.event_chain VALUES (81, '\x861c273e0c9dfb51010d600453f7949d06bcc0f0e033d91f9c27d99df7ed7bd8');
INSERT INTO golden_legacy_plain.event_chain VALUES (82, '\x5b8dba0178a8ebb24a281fabd14947418c314a329ae0b9f63a62ceb83f58d03f');
INSERT INTO golden_legacy_plain.event_chain VALUES (83, '\xc88ecdfc5e3e35840b6a8c9db4542999c236b688f623b652af8a8c1dcacb9f0d');
INSERT INTO golden_legacy_plain.event_chain VALUES (84, '\xe212d455998d0a70a28b2d169eb198f65b8b081b538f09efd7195772e5cdb999');
INSERT INTO golden_legacy_plain.event_chain VALUES (85, '\x3531d484a5be51ccdcb6cf6709b7a843517bc7366219f27bc5c49f40367c2640');
INSERT INTO golden_legacy_plain.event_chain VALUES (86, '\x3ac2d26c5aa71f45c436025df538999915bd1fb8ef0129db65cda6267a84bfda');


--
-- Data for Name: event_chain_meta; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.event_chain_meta VALUES ('format', '1');
INSERT INTO golden_legacy_plain.event_chain_meta VALUES ('algorithm', 'sha256');


--
-- Data for Name: fund_balances; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.fund_balances VALUES ('cz-cuizhai', '助学', 'cuizhai', 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_legacy_plain.fund_balances VALUES ('cz-wanghe', '', 'cuizhai', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_plain.fund_balances VALUES ('cz-lishanren', '', 'cuizhai', 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_legacy_plain.fund_balances VALUES ('cz-cuizhai', '', 'cuizhai', 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);
INSERT INTO golden_legacy_plain.fund_balances VALUES ('cz-cuizhai', '助老', 'cuizhai', 170000, 0, 150000, 150000, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_legacy_plain.fund_balances VALUES ('cz-wanghe', '助老', 'cuizhai', 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_legacy_plain.fund_balances VALUES ('cz-qingning', '心智障碍青年支持', 'cuizhai', 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_legacy_plain.fund_balances VALUES ('cz-qingning', '', 'cuizhai', 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_legacy_plain.fund_balances VALUES ('cz-lishanren', '困境儿童', 'cuizhai', 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);


--
-- Data for Name: fund_entries; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 1, 'cuizhai', '2024-01-08', '2025-01-15T01:00:01+00:00', 'opened', '', '', '', '山东省乡村振兴基金会', '崔寨村社区基金', '陈晓', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 2, 'cuizhai', '2024-01-08', '2025-01-15T01:00:02+00:00', 'opened', '', '', '', '山东省乡村振兴基金会', '李善仁村社区基金', '陈晓', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-wanghe', 3, 'cuizhai', '2024-01-08', '2025-01-15T01:00:03+00:00', 'opened', '', '', '', '山东省乡村振兴基金会', '王河村社区基金', '陈晓', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 4, 'cuizhai', '2024-01-08', '2025-01-15T01:00:04+00:00', 'opened', '', '', '', '山东省乡村振兴基金会', '清宁村社区基金', '陈晓', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 5, 'cuizhai', '2024-01-15', '2025-01-15T01:00:05+00:00', 'donation', '助学', 'SX2024-0001', '', '山东润泽农业科技有限公司', '', '陈晓', '', 2000000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 6, 'cuizhai', '2024-01-25', '2025-01-15T01:00:06+00:00', 'in_kind_donation', '助老', 'SX2024-0002', '', '济南齐鲁惠民超市', '', '陈晓', '春节慰问物资，按超市出库单计价', 0, 0, 650000, '大米(10kg) 50 袋; 食用油(5L) 50 桶');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-wanghe', 7, 'cuizhai', '2024-01-30', '2025-01-15T01:00:07+00:00', 'donation', '', 'SX2024-0003', '', '王河村乡贤理事会', '', '陈晓', '', 1000000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 8, 'cuizhai', '2024-02-02', '2025-01-15T01:00:08+00:00', 'goods_distributed', '助老', 'FF-CZ-2024-01', '', '崔寨村独居及高龄老人40户', '春节走访慰问', '陈晓', 'signed off by 崔建国', 0, 0, -240000, '大米(10kg) 40 袋');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 9, 'cuizhai', '2024-02-02', '2025-01-15T01:00:09+00:00', 'goods_distributed', '助老', 'FF-CZ-2024-02', '', '崔寨村独居及高龄老人40户', '春节走访慰问', '陈晓', 'signed off by 崔建国', 0, 0, -280000, '食用油(5L) 40 桶');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 10, 'cuizhai', '2024-02-18', '2025-01-15T01:00:10+00:00', 'donation', '', 'SX2024-0004', '', '李德福', '', '陈晓', '在外经商的本村村民', 500000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 11, 'cuizhai', '2024-02-20', '2025-01-15T01:00:11+00:00', 'donation', '', 'SX2024-0005', '', '崔寨街道商会', '', '陈晓', '', 800000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 12, 'cuizhai', '2024-03-01', '2025-01-15T01:00:12+00:00', 'requested', '助学', 'SQ-CZ-2024-01', '', '崔寨村困境儿童家庭12户', '春季困境儿童助学金（12人×500元）', '孙悦', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 13, 'cuizhai', '2024-03-04', '2025-01-15T01:00:13+00:00', 'approved', '助学', 'SQ-CZ-2024-01', '', '', '', '崔建国', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 14, 'cuizhai', '2024-03-05', '2025-01-15T01:00:14+00:00', 'donation', '助老', 'SX2024-0006', '', '', '', '陈晓', '', 50000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 15, 'cuizhai', '2024-03-05', '2025-01-15T01:00:15+00:00', 'approved', '助学', 'SQ-CZ-2024-01', '', '', '', '崔秀英', '', 0, 600000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 16, 'cuizhai', '2024-03-06', '2025-01-15T01:00:16+00:00', 'publicized', '', 'SQ-CZ-2024-01', '', '', '', '陈晓', '公示 崔寨村公示〔2024〕1号 2024-03-06..2024-03-12', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-wanghe', 17, 'cuizhai', '2024-03-08', '2025-01-15T01:00:17+00:00', 'donation', '助老', 'SX2024-0007', '', '王秀兰', '', '陈晓', '', 30000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 18, 'cuizhai', '2024-03-13', '2025-01-15T01:00:18+00:00', 'paid', '助学', 'SQ-CZ-2024-01', 'PZ-2024-031', '崔寨村困境儿童家庭12户', '春季困境儿童助学金（12人×500元）', '周敏', '', -600000, -600000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 19, 'cuizhai', '2024-04-02', '2025-01-15T01:00:19+00:00', 'donation', '心智障碍青年支持', 'SX2024-0008', '', '山东清源环保科技有限公司', '', '陈晓', '', 500000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 20, 'cuizhai', '2024-04-10', '2025-01-15T01:00:20+00:00', 'donation', '助老', 'SX2024-0009', '', '崔广明', '', '陈晓', '', 120000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 21, 'cuizhai', '2024-04-16', '2025-01-15T01:00:21+00:00', 'donation', '', 'SX2024-0010', '', '赵桂芝', '', '陈晓', '', 20000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 22, 'cuizhai', '2024-05-06', '2025-01-15T01:00:22+00:00', 'donation', '', 'SX2024-0011', '', '济南鑫盛物流有限公司', '', '陈晓', '', 300000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 23, 'cuizhai', '2024-05-13', '2025-01-15T01:00:23+00:00', 'requested', '心智障碍青年支持', 'SQ-QN-2024-01', '', '济南创艺手工材料商行', '“淘乐乐”驿站手工实训材料', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 24, 'cuizhai', '2024-05-15', '2025-01-15T01:00:24+00:00', 'approved', '心智障碍青年支持', 'SQ-QN-2024-01', '', '', '', '张清泉', '', 0, 240000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 25, 'cuizhai', '2024-05-16', '2025-01-15T01:00:25+00:00', 'publicized', '', 'SQ-QN-2024-01', '', '', '', '陈晓', '公示 清宁村公示〔2024〕1号 2024-05-16..2024-05-22', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 26, 'cuizhai', '2024-05-20', '2025-01-15T01:00:26+00:00', 'refund', '', 'TK-2024-01', 'SX2024-0011', '', '', '周敏', '捐赠方财务多转1000元，经核实原路退回', -100000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 27, 'cuizhai', '2024-05-24', '2025-01-15T01:00:27+00:00', 'paid', '心智障碍青年支持', 'SQ-QN-2024-01', 'PZ-2024-058', '济南创艺手工材料商行', '“淘乐乐”驿站手工实训材料', '周敏', '', -240000, -240000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 28, 'cuizhai', '2024-06-01', '2025-01-15T01:00:28+00:00', 'donation', '困境儿童', 'SX2024-0012', '', '', '', '陈晓', '', 80000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 29, 'cuizhai', '2024-06-01', '2025-01-15T01:00:29+00:00', 'donation', '困境儿童', 'SX2024-0013', '', '济南鲁北建材有限公司', '', '陈晓', '', 600000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 30, 'cuizhai', '2024-06-17', '2025-01-15T01:00:30+00:00', 'requested', '困境儿童', 'SQ-LSR-2024-01', '', '济南市建达社会工作服务中心', '困境儿童暑期托管营（18人）', '孙悦', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 31, 'cuizhai', '2024-06-19', '2025-01-15T01:00:31+00:00', 'approved', '困境儿童', 'SQ-LSR-2024-01', '', '', '', '李长海', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 32, 'cuizhai', '2024-06-20', '2025-01-15T01:00:32+00:00', 'approved', '困境儿童', 'SQ-LSR-2024-01', '', '', '', '李春梅', '', 0, 360000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 33, 'cuizhai', '2024-06-21', '2025-01-15T01:00:33+00:00', 'publicized', '', 'SQ-LSR-2024-01', '', '', '', '陈晓', '公示 李善仁村公示〔2024〕1号 2024-06-21..2024-06-27', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 34, 'cuizhai', '2024-07-01', '2025-01-15T01:00:34+00:00', 'paid', '困境儿童', 'SQ-LSR-2024-01', 'PZ-2024-072', '济南市建达社会工作服务中心', '困境儿童暑期托管营（18人）', '周敏', '', -360000, -360000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-wanghe', 35, 'cuizhai', '2024-07-08', '2025-01-15T01:00:35+00:00', 'requested', '', 'SQ-WH-2024-01', '', '济南声海电器商行', '购置广场舞音响设备', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-wanghe', 36, 'cuizhai', '2024-07-12', '2025-01-15T01:00:36+00:00', 'rejected', '', 'SQ-WH-2024-01', '', '', '', '王德胜', '不属于社区基金资助范围，建议由村集体经费列支', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 37, 'cuizhai', '2024-07-20', '2025-01-15T01:00:37+00:00', 'in_kind_donation', '', 'SX2024-0014', '', '', '', '陈晓', '居民匿名捐赠旧书，无凭据、无法估值，不计金额', 0, 0, 0, '儿童图书 120 本');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 38, 'cuizhai', '2024-08-20', '2025-01-15T01:00:38+00:00', 'in_kind_donation', '困境儿童', 'SX2024-0015', '', '山东启明文化用品有限公司', '', '陈晓', '书包按捐赠发票计价；文具套装按市场价估值', 0, 0, 660000, '书包 60 个; 文具套装 60 套');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 39, 'cuizhai', '2024-09-02', '2025-01-15T01:00:39+00:00', 'goods_distributed', '困境儿童', 'FF-LSR-2024-01', '', '李善仁村及周边困境儿童45人', '开学助学礼包', '陈晓', 'signed off by 李春梅', 0, 0, -360000, '书包 45 个');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 40, 'cuizhai', '2024-09-02', '2025-01-15T01:00:40+00:00', 'goods_distributed', '困境儿童', 'FF-LSR-2024-02', '', '李善仁村及周边困境儿童45人', '开学助学礼包', '陈晓', 'signed off by 李春梅', 0, 0, -135000, '文具套装 45 套');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-wanghe', 41, 'cuizhai', '2024-09-10', '2025-01-15T01:00:41+00:00', 'donation', '助老', 'SX2024-0016', '', '', '', '陈晓', '', 200000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-wanghe', 42, 'cuizhai', '2024-09-23', '2025-01-15T01:00:42+00:00', 'requested', '助老', 'SQ-WH-2024-02', '', '王河村幸福食堂', '助老食堂第三季度餐费补贴', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 43, 'cuizhai', '2024-09-24', '2025-01-15T01:00:43+00:00', 'requested', '', 'SQ-LSR-2024-02', '', '济南明德印务有限公司', '《故乡痕》村史故事汇编印刷', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-wanghe', 44, 'cuizhai', '2024-09-25', '2025-01-15T01:00:44+00:00', 'approved', '助老', 'SQ-WH-2024-02', '', '', '', '王桂兰', '', 0, 180000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-wanghe', 45, 'cuizhai', '2024-09-26', '2025-01-15T01:00:45+00:00', 'publicized', '', 'SQ-WH-2024-02', '', '', '', '陈晓', '公示 王河村公示〔2024〕1号 2024-09-26..2024-10-02', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 46, 'cuizhai', '2024-09-27', '2025-01-15T01:00:46+00:00', 'approved', '', 'SQ-LSR-2024-02', '', '', '', '李长海', '', 0, 120000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 47, 'cuizhai', '2024-09-28', '2025-01-15T01:00:47+00:00', 'publicized', '', 'SQ-LSR-2024-02', '', '', '', '陈晓', '公示 李善仁村公示〔2024〕2号 2024-09-28..2024-10-04', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-wanghe', 48, 'cuizhai', '2024-10-08', '2025-01-15T01:00:48+00:00', 'paid', '助老', 'SQ-WH-2024-02', 'PZ-2024-103', '王河村幸福食堂', '助老食堂第三季度餐费补贴', '周敏', '', -180000, -180000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-lishanren', 49, 'cuizhai', '2024-10-08', '2025-01-15T01:00:49+00:00', 'paid', '', 'SQ-LSR-2024-02', 'PZ-2024-104', '济南明德印务有限公司', '《故乡痕》村史故事汇编印刷', '周敏', '', -120000, -120000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 50, 'cuizhai', '2024-10-08', '2025-01-15T01:00:50+00:00', 'requested', '助老', 'SQ-CZ-2024-02', '', '济南齐鲁惠民超市', '重阳节高龄老人慰问品', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 51, 'cuizhai', '2024-10-09', '2025-01-15T01:00:51+00:00', 'approved', '助老', 'SQ-CZ-2024-02', '', '', '', '崔秀英', '', 0, 150000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 52, 'cuizhai', '2024-10-09', '2025-01-15T01:00:52+00:00', 'publicized', '', 'SQ-CZ-2024-02', '', '', '', '陈晓', '公示 崔寨村公示〔2024〕2号 2024-10-09..2024-10-15', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 53, 'cuizhai', '2024-10-16', '2025-01-15T01:00:53+00:00', 'paid', '助老', 'SQ-CZ-2024-02', 'PZ-2024-109', '济南齐鲁惠民超市', '重阳节高龄老人慰问品', '周敏', '', -150000, -150000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 54, 'cuizhai', '2024-10-21', '2025-01-15T01:00:54+00:00', 'donation', '', 'SX2024-0017', '', '', '', '陈晓', '', 100000, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 55, 'cuizhai', '2024-10-22', '2025-01-15T01:00:55+00:00', 'requested', '', 'SQ-QN-2024-02', '', '清宁村便民超市', '秋季邻里运动会奖品', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 56, 'cuizhai', '2024-10-24', '2025-01-15T01:00:56+00:00', 'approved', '', 'SQ-QN-2024-02', '', '', '', '刘玉芳', '', 0, 60000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-qingning', 57, 'cuizhai', '2024-10-30', '2025-01-15T01:00:57+00:00', 'cancelled', '', 'SQ-QN-2024-02', '', '', '', '刘洋', '运动会因连续降雨取消，申请撤回', 0, -60000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 58, 'cuizhai', '2024-11-04', '2025-01-15T01:00:58+00:00', 'requested', '', 'SQ-CZ-2024-03', '', '济南惠邦广告制作部', '“崔寨有声”社区公益集市物料', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 59, 'cuizhai', '2024-11-06', '2025-01-15T01:00:59+00:00', 'approved', '', 'SQ-CZ-2024-03', '', '', '', '崔建国', '', 0, 200000, 0, '');
INSERT INTO golden_legacy_plain.fund_entries VALUES ('cz-cuizhai', 60, 'cuizhai', '2024-12-20', '2025-01-15T01:01:00+00:00', 'publicized', '', 'SQ-CZ-2024-03', '', '', '', '陈晓', '公示 崔寨村公示〔2024〕3号 2024-12-20..2024-12-27', 0, 0, 0, '');


--
-- Data for Name: fund_goods; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.fund_goods VALUES ('cz-cuizhai', '大米(10kg)', '袋', '助老', 'cuizhai', 10, 60000);
INSERT INTO golden_legacy_plain.fund_goods VALUES ('cz-cuizhai', '食用油(5L)', '桶', '助老', 'cuizhai', 10, 70000);
INSERT INTO golden_legacy_plain.fund_goods VALUES ('cz-qingning', '儿童图书', '本', '', 'cuizhai', 120, 0);
INSERT INTO golden_legacy_plain.fund_goods VALUES ('cz-lishanren', '书包', '个', '困境儿童', 'cuizhai', 15, 120000);
INSERT INTO golden_legacy_plain.fund_goods VALUES ('cz-lishanren', '文具套装', '套', '困境儿童', 'cuizhai', 15, 45000);


--
-- Data for Name: funds; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.funds VALUES ('cz-cuizhai', 'cuizhai', '崔寨村', '崔寨村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 650000, 520000);
INSERT INTO golden_legacy_plain.funds VALUES ('cz-lishanren', 'cuizhai', '李善仁村', '李善仁村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 660000, 495000);
INSERT INTO golden_legacy_plain.funds VALUES ('cz-wanghe', 'cuizhai', '王河村', '王河村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 0, 0);
INSERT INTO golden_legacy_plain.funds VALUES ('cz-qingning', 'cuizhai', '清宁村', '清宁村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 0, 0);


--
-- Data for Name: sgzledger_events; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 1, 'FundOpened.v1', '\x8da474797065aa46756e644f70656e6564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff67870891a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3038a766756e645f6964aa637a2d6375697a686169aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e5b494e5afa8e69d91a46e616d65b5e5b494e5afa8e69d91e7a4bee58cbae59fbae98791a4686f7374bee5b1b1e4b89ce79c81e4b9a1e69d91e68cafe585b4e59fbae98791e4bc9ab6617070726f76616c5f7468726573686f6c645f66656ece0007a120b27075626c69636974795f7265717569726564c3', 1);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 1, 'FundOpened.v1', '\x8da474797065aa46756e644f70656e6564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff67870892a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3038a766756e645f6964ac637a2d6c697368616e72656eaa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479ace69d8ee59684e4bb81e69d91a46e616d65b8e69d8ee59684e4bb81e69d91e7a4bee58cbae59fbae98791a4686f7374bee5b1b1e4b89ce79c81e4b9a1e69d91e68cafe585b4e59fbae98791e4bc9ab6617070726f76616c5f7468726573686f6c645f66656ece000493e0b27075626c69636974795f7265717569726564c3', 2);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 1, 'FundOpened.v1', '\x8da474797065aa46756e644f70656e6564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff67870893a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3038a766756e645f6964a9637a2d77616e676865aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e78e8be6b2b3e69d91a46e616d65b5e78e8be6b2b3e69d91e7a4bee58cbae59fbae98791a4686f7374bee5b1b1e4b89ce79c81e4b9a1e69d91e68cafe585b4e59fbae98791e4bc9ab6617070726f76616c5f7468726573686f6c645f66656ece000493e0b27075626c69636974795f7265717569726564c3', 3);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 1, 'FundOpened.v1', '\x8da474797065aa46756e644f70656e6564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff67870894a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3038a766756e645f6964ab637a2d71696e676e696e67aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e6b885e5ae81e69d91a46e616d65b5e6b885e5ae81e69d91e7a4bee58cbae59fbae98791a4686f7374bee5b1b1e4b89ce79c81e4b9a1e69d91e68cafe585b4e59fbae98791e4bc9ab6617070726f76616c5f7468726573686f6c645f66656ece000493e0b27075626c69636974795f7265717569726564c3', 4);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 2, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff67870895a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3135aa726563656970745f6e6fab5358323032342d30303031a5646f6e6f72d924e5b1b1e4b89ce6b6a6e6b3bde5869ce4b89ae7a791e68a80e69c89e99990e585ace58fb8ab7265737472696374696f6ea6e58aa9e5ada6aa616d6f756e745f66656ece001e8480a46e6f7465a0', 5);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 3, 'InKindDonationReceived.v1', '\x8ba474797065b6496e4b696e64446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff67870896a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3235aa726563656970745f6e6fab5358323032342d30303032a5646f6e6f72b8e6b58ee58d97e9bd90e9b281e683a0e6b091e8b685e5b882ab7265737472696374696f6ea6e58aa9e88081a56974656d739285a46974656dace5a4a7e7b1b32831306b6729a87175616e7469747932a4756e6974a3e8a28ba976616c75655f66656ece000493e0a56261736973a8646f63756d656e7485a46974656dade9a39fe794a8e6b2b928354c29a87175616e7469747932a4756e6974a3e6a1b6a976616c75655f66656ece00055730a56261736973a8646f63756d656e74a46e6f7465d92de698a5e88a82e685b0e997aee789a9e8b584efbc8ce68c89e8b685e5b882e587bae5ba93e58d95e8aea1e4bbb7', 6);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 2, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff67870897a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3330aa726563656970745f6e6fab5358323032342d30303033a5646f6e6f72b8e78e8be6b2b3e69d91e4b9a1e8b4a4e79086e4ba8be4bc9aab7265737472696374696f6ea0aa616d6f756e745f66656ece000f4240a46e6f7465a0', 7);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 4, 'GoodsDistributed.v1', '\x8fa474797065b0476f6f64734469737472696275746564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff67870898a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30322d3032af646973747269627574696f6e5f6964ad46462d435a2d323032342d3031a46974656dace5a4a7e7b1b32831306b6729a4756e6974a3e8a28ba87175616e7469747928a976616c75655f66656ece0003a980a9726563697069656e74d923e5b494e5afa8e69d91e78bace5b185e58f8ae9ab98e9be84e88081e4baba3430e688b7ad7369676e65645f6f66665f6279a9e5b494e5bbbae59bbda7707572706f7365b2e698a5e88a82e8b5b0e8aebfe685b0e997aeab7265737472696374696f6ea6e58aa9e88081', 8);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 5, 'GoodsDistributed.v1', '\x8fa474797065b0476f6f64734469737472696275746564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff67870899a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30322d3032af646973747269627574696f6e5f6964ad46462d435a2d323032342d3032a46974656dade9a39fe794a8e6b2b928354c29a4756e6974a3e6a1b6a87175616e7469747928a976616c75655f66656ece000445c0a9726563697069656e74d923e5b494e5afa8e69d91e78bace5b185e58f8ae9ab98e9be84e88081e4baba3430e688b7ad7369676e65645f6f66665f6279a9e5b494e5bbbae59bbda7707572706f7365b2e698a5e88a82e8b5b0e8aebfe685b0e997aeab7265737472696374696f6ea6e58aa9e88081', 9);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 2, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff6787089aa56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30322d3138aa726563656970745f6e6fab5358323032342d30303034a5646f6e6f72a9e69d8ee5beb7e7a68fab7265737472696374696f6ea0aa616d6f756e745f66656ece0007a120a46e6f7465bbe59ca8e5a496e7bb8fe59586e79a84e69cace69d91e69d91e6b091', 10);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 6, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff6787089ba56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30322d3230aa726563656970745f6e6fab5358323032342d30303035a5646f6e6f72b2e5b494e5afa8e8a197e98193e59586e4bc9aab7265737472696374696f6ea0aa616d6f756e745f66656ece000c3500a46e6f7465a0', 11);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 7, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff6787089ca56163746f72a6e5ad99e682a6ab6f636375727265645f6f6eaa323032342d30332d3031aa726571756573745f6964ad53512d435a2d323032342d3031aa616d6f756e745f66656ece000927c0a7707572706f7365d92ee698a5e5ada3e59bb0e5a283e584bfe7aba5e58aa9e5ada6e98791efbc883132e4babac397353030e58583efbc89ab7265737472696374696f6ea6e58aa9e5ada6a57061796565d920e5b494e5afa8e69d91e59bb0e5a283e584bfe7aba5e5aeb6e5baad3132e688b7', 12);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 8, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff6787089da56163746f72a9e5b494e5bbbae59bbdab6f636375727265645f6f6eaa323032342d30332d3034aa726571756573745f6964ad53512d435a2d323032342d3031ab7265737472696374696f6ea6e58aa9e5ada6ac72657365727665645f66656e00', 13);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 9, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e09a974696d657374616d70d6ff6787089ea56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30332d3035aa726563656970745f6e6fab5358323032342d30303036a5646f6e6f72c0ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ecdc350a46e6f7465a0', 14);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 10, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0aa974696d657374616d70d6ff6787089fa56163746f72a9e5b494e7a780e88bb1ab6f636375727265645f6f6eaa323032342d30332d3035aa726571756573745f6964ad53512d435a2d323032342d3031ab7265737472696374696f6ea6e58aa9e5ada6ac72657365727665645f66656ece000927c0', 15);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 11, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0ba974696d657374616d70d6ff678708a0a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30332d3036aa726571756573745f6964ad53512d435a2d323032342d3031aa6e6f746963655f726566bde5b494e5afa8e69d91e585ace7a4bae3809432303234e3809531e58fb7ab6e6f746963655f66726f6daa323032342d30332d3036a96e6f746963655f746faa323032342d30332d3132', 16);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 3, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708a1a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30332d3038aa726563656970745f6e6fab5358323032342d30303037a5646f6e6f72a9e78e8be7a780e585b0ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ecd7530a46e6f7465a0', 17);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 12, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0ca974696d657374616d70d6ff678708a2a56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d30332d3133aa726571756573745f6964ad53512d435a2d323032342d3031aa766f75636865725f6e6fab505a2d323032342d303331ab7265737472696374696f6ea6e58aa9e5ada6aa616d6f756e745f66656ece000927c0a57061796565d920e5b494e5afa8e69d91e59bb0e5a283e584bfe7aba5e5aeb6e5baad3132e688b7a7707572706f7365d92ee698a5e5ada3e59bb0e5a283e584bfe7aba5e58aa9e5ada6e98791efbc883132e4babac397353030e58583efbc89', 18);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 2, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff678708a3a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30342d3032aa726563656970745f6e6fab5358323032342d30303038a5646f6e6f72d924e5b1b1e4b89ce6b885e6ba90e78eafe4bf9de7a791e68a80e69c89e99990e585ace58fb8ab7265737472696374696f6eb8e5bf83e699bae99a9ce7a28de99d92e5b9b4e694afe68c81aa616d6f756e745f66656ece0007a120a46e6f7465a0', 19);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 13, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0da974696d657374616d70d6ff678708a4a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30342d3130aa726563656970745f6e6fab5358323032342d30303039a5646f6e6f72a9e5b494e5b9bfe6988eab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ece0001d4c0a46e6f7465a0', 20);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 3, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708a5a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30342d3136aa726563656970745f6e6fab5358323032342d30303130a5646f6e6f72a9e8b5b5e6a182e88a9dab7265737472696374696f6ea0aa616d6f756e745f66656ecd4e20a46e6f7465a0', 21);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 14, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0ea974696d657374616d70d6ff678708a6a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30352d3036aa726563656970745f6e6fab5358323032342d30303131a5646f6e6f72bee6b58ee58d97e991abe79b9be789a9e6b581e69c89e99990e585ace58fb8ab7265737472696374696f6ea0aa616d6f756e745f66656ece000493e0a46e6f7465a0', 22);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 4, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708a7a56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d30352d3133aa726571756573745f6964ad53512d514e2d323032342d3031aa616d6f756e745f66656ece0003a980a7707572706f7365d927e2809ce6b798e4b990e4b990e2809de9a9bfe7ab99e6898be5b7a5e5ae9ee8aeade69d90e69699ab7265737472696374696f6eb8e5bf83e699bae99a9ce7a28de99d92e5b9b4e694afe68c81a57061796565bee6b58ee58d97e5889be889bae6898be5b7a5e69d90e69699e59586e8a18c', 23);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 5, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708a8a56163746f72a9e5bca0e6b885e6b389ab6f636375727265645f6f6eaa323032342d30352d3135aa726571756573745f6964ad53512d514e2d323032342d3031ab7265737472696374696f6eb8e5bf83e699bae99a9ce7a28de99d92e5b9b4e694afe68c81ac72657365727665645f66656ece0003a980', 24);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 5, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708aea56163746f72a6e5ad99e682a6ab6f636375727265645f6f6eaa323032342d30362d3137aa726571756573745f6964ae53512d4c53522d323032342d3031aa616d6f756e745f66656ece00057e40a7707572706f7365d926e59bb0e5a283e584bfe7aba5e69a91e69c9fe68998e7aea1e890a5efbc883138e4babaefbc89ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5a57061796565d927e6b58ee58d97e5b882e5bbbae8bebee7a4bee4bc9ae5b7a5e4bd9ce69c8de58aa1e4b8ade5bf83', 30);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 5, 'DisbursementRejected.v1', '\x8aa474797065b444697362757273656d656e7452656a6563746564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708b4a56163746f72a9e78e8be5beb7e8839cab6f636375727265645f6f6eaa323032342d30372d3132aa726571756573745f6964ad53512d57482d323032342d3031ab7265737472696374696f6ea0ac72656c65617365645f66656e00a6726561736f6ed942e4b88de5b19ee4ba8ee7a4bee58cbae59fbae98791e8b584e58aa9e88c83e59bb4efbc8ce5bbbae8aeaee794b1e69d91e99b86e4bd93e7bb8fe8b4b9e58897e694af', 36);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 7, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708baa56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d30392d3233aa726571756573745f6964ad53512d57482d323032342d3032aa616d6f756e745f66656ece0002bf20a7707572706f7365d924e58aa9e88081e9a39fe5a082e7acace4b889e5ada3e5baa6e9a490e8b4b9e8a1a5e8b4b4ab7265737472696374696f6ea6e58aa9e88081a57061796565b5e78e8be6b2b3e69d91e5b9b8e7a68fe9a39fe5a082', 42);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 10, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e0aa974696d657374616d70d6ff678708c0a56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d31302d3038aa726571756573745f6964ad53512d57482d323032342d3032aa766f75636865725f6e6fab505a2d323032342d313033ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ece0002bf20a57061796565b5e78e8be6b2b3e69d91e5b9b8e7a68fe9a39fe5a082a7707572706f7365d924e58aa9e88081e9a39fe5a082e7acace4b889e5ada3e5baa6e9a490e8b4b9e8a1a5e8b4b4', 48);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 9, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e09a974696d657374616d70d6ff678708c6a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d31302d3231aa726563656970745f6e6fab5358323032342d30303137a5646f6e6f72c0ab7265737472696374696f6ea0aa616d6f756e745f66656ece000186a0a46e6f7465a0', 54);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 22, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e16a974696d657374616d70d6ff678708cca56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d31322d3230aa726571756573745f6964ad53512d435a2d323032342d3033aa6e6f746963655f726566bde5b494e5afa8e69d91e585ace7a4bae3809432303234e3809533e58fb7ab6e6f746963655f66726f6daa323032342d31322d3230a96e6f746963655f746faa323032342d31322d3237', 60);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 1, 'VolunteerRegistered.v1', '\x8ea474797065b3566f6c756e7465657252656769737465726564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708cea56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031ac766f6c756e746565725f6964a6562d30303031aa73746174696f6e5f6964a76375697a686169af706572736f6e616c5f7365616c6564c45e0085a46e616d65a6e5bca0e4b8bda667656e646572a3e5a5b3aa62697274685f64617465aa313939302d30312d3031a570686f6e65ab3133393030303030303031a969645f6e756d626572b2333730313032313939303031303131323334a769645f68617368d94037643339393739303338623965393430336438346332363532313733653839363532653733653734373235313461326431313634653839633637656161353263a6736b696c6c7390aa63617465676f7269657390a7636f6e73656e74c3ad726567697374657265645f6f6eaa323032342d30332d3031', 62);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 2, 'VolunteerJoinedTeam.v1', '\x87a474797065b3566f6c756e746565724a6f696e65645465616dad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff678708cea56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989f', 63);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 1, 'VolunteerRegistered.v1', '\x8ea474797065b3566f6c756e7465657252656769737465726564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708d0a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031ac766f6c756e746565725f6964a6562d30303033aa73746174696f6e5f6964a76375697a686169af706572736f6e616c5f7365616c6564c4420085a46e616d65a6e69d8ee6a285a667656e646572a3e5a5b3aa62697274685f64617465c0a570686f6e65ab3133393030303030303033a969645f6e756d626572a0a769645f68617368a0a6736b696c6c7390aa63617465676f7269657390a7636f6e73656e74c3ad726567697374657265645f6f6eaa323032342d30332d3031', 66);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 2, 'VolunteerJoinedTeam.v1', '\x87a474797065b3566f6c756e746565724a6f696e65645465616dad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff678708d0a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989f', 67);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('3ba4e594-f988-5055-bf2e-dc9f56362919', 1, 'ActivityPublished.v1', '\xde0010a474797065b141637469766974795075626c6973686564ad6f726967696e61746f725f6964c4103ba4e594f9885055bf2edc9f56362919b26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708d2a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031ab61637469766974795f6964a6542d30333130aa73746174696f6e5f6964a76375697a686169a46e616d65afe5bf97e684bfe88085e59fb9e8aeada863617465676f7279a8747261696e696e67a9636f6d6d756e697479a0a5706c616365a0a96f7267616e697a6572a0a66c6561646572a0a97374617274735f6174d6ff65ed0610a7656e64735f6174d6ff65ed2230', 69);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 3, 'ServiceRecorded.v1', '\xde0016a474797065af536572766963655265636f72646564ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708d4a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3032a97265636f72645f6964a3522d32ab61637469766974795f6964a6412d30333032ad61637469766974795f6e616d65afe695ace88081e999a2e68ea2e8aebfa863617465676f7279b1766f6c756e746565725f73657276696365aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e5b494e5afa8e69d91a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989fac736572766963655f64617465aa323032342d30332d3032aa737461727465645f6174c0a8656e6465645f6174c0aa6475726174696f6e5f73cd3039a5706c616365afe5b494e5afa8e695ace88081e999a2a7636f6e74656e74ace695b4e79086e688bfe997b4a96f7267616e697a6572b5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99a66c6561646572a6e58898e5869ba46c617465c3', 71);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 4, 'ServiceRecorded.v1', '\xde0016a474797065af536572766963655265636f72646564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708d6a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3130a97265636f72645f6964a3522d34ab61637469766974795f6964a6542d30333130ad61637469766974795f6e616d65afe5bf97e684bfe88085e59fb9e8aeada863617465676f7279a8747261696e696e67aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a0a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989fac736572766963655f64617465aa323032342d30332d3130aa737461727465645f6174c0a8656e6465645f6174c0aa6475726174696f6e5f73cd1c20a5706c616365a0a7636f6e74656e74a0a96f7267616e697a6572a0a66c6561646572a0a46c617465c3', 73);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 4, 'ServiceApproved.v1', '\x88a474797065af53657276696365417070726f766564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708d9a56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d33aa6475726174696f6e5f73cd1518', 76);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 7, 'HoursBanked.v1', '\x89a474797065ab486f75727342616e6b6564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708dda56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d31aa6475726174696f6e5f73cd2328a86372656469745f73cd2328', 80);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 7, 'HoursTransferredOut.v1', '\x8aa474797065b3486f7572735472616e736665727265644f7574ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708e0a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132ab7472616e736665725f6964a454522d31af746f5f766f6c756e746565725f6964a6562d30303033a86372656469745f73cd0708a6726561736f6eb2e5aeb6e5baade68890e59198e4ba92e58aa9', 83);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 6, 'HoursTransferredIn.v1', '\x8aa474797065b2486f7572735472616e73666572726564496ead6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708e0a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132ab7472616e736665725f6964a454522d31b166726f6d5f766f6c756e746565725f6964a6562d30303032a86372656469745f73cd0708a6726561736f6eb2e5aeb6e5baade68890e59198e4ba92e58aa9', 84);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 6, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708a9a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30352d3136aa726571756573745f6964ad53512d514e2d323032342d3031aa6e6f746963655f726566bde6b885e5ae81e69d91e585ace7a4bae3809432303234e3809531e58fb7ab6e6f746963655f66726f6daa323032342d30352d3136a96e6f746963655f746faa323032342d30352d3232', 25);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 6, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708afa56163746f72a9e69d8ee995bfe6b5b7ab6f636375727265645f6f6eaa323032342d30362d3139aa726571756573745f6964ae53512d4c53522d323032342d3031ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5ac72657365727665645f66656e00', 31);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 8, 'InKindDonationReceived.v1', '\x8ba474797065b6496e4b696e64446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff678708b5a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30372d3230aa726563656970745f6e6fab5358323032342d30303134a5646f6e6f72c0ab7265737472696374696f6ea0a56974656d739185a46974656dace584bfe7aba5e59bbee4b9a6a87175616e7469747978a4756e6974a3e69caca976616c75655f66656ec0a56261736973a8756e76616c756564a46e6f7465d942e5b185e6b091e58cbfe5908de68d90e8b5a0e697a7e4b9a6efbc8ce697a0e587ade68daee38081e697a0e6b395e4bcb0e580bcefbc8ce4b88de8aea1e98791e9a29d', 37);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 13, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0da974696d657374616d70d6ff678708bba56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d30392d3234aa726571756573745f6964ae53512d4c53522d323032342d3032aa616d6f756e745f66656ece0001d4c0a7707572706f7365d927e3808ae69585e4b9a1e79795e3808be69d91e58fb2e69585e4ba8be6b187e7bc96e58db0e588b7ab7265737472696374696f6ea0a57061796565bee6b58ee58d97e6988ee5beb7e58db0e58aa1e69c89e99990e585ace58fb8', 43);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 16, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e10a974696d657374616d70d6ff678708c1a56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d31302d3038aa726571756573745f6964ae53512d4c53522d323032342d3032aa766f75636865725f6e6fab505a2d323032342d313034ab7265737472696374696f6ea0aa616d6f756e745f66656ece0001d4c0a57061796565bee6b58ee58d97e6988ee5beb7e58db0e58aa1e69c89e99990e585ace58fb8a7707572706f7365d927e3808ae69585e4b9a1e79795e3808be69d91e58fb2e69585e4ba8be6b187e7bc96e58db0e588b7', 49);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 10, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e0aa974696d657374616d70d6ff678708c7a56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d31302d3232aa726571756573745f6964ad53512d514e2d323032342d3032aa616d6f756e745f66656ecdea60a7707572706f7365bbe7a78be5ada3e982bbe9878ce8bf90e58aa8e4bc9ae5a596e59381ab7265737472696374696f6ea0a57061796565b5e6b885e5ae81e69d91e4bebfe6b091e8b685e5b882', 55);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 7, 'VolunteerProfileCorrected.v1', '\x8ca474797065b9566f6c756e7465657250726f66696c65436f72726563746564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708e1a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132ad636f7272656374696f6e5f6964a3502d31a56669656c64a570686f6e65af706572736f6e616c5f7365616c6564c4420085a46e616d65a6e69d8ee6a285a667656e646572a3e5a5b3aa62697274685f64617465c0a570686f6e65ab3133393030303030303333a969645f6e756d626572a0a769645f68617368c0a576616c7565a0a6726561736f6ea6e68da2e58fb7', 85);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 15, 'DonationRefunded.v1', '\x8ba474797065b0446f6e6174696f6e526566756e646564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0fa974696d657374616d70d6ff678708aaa56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d30352d3230a9726566756e645f6964aa544b2d323032342d3031aa726563656970745f6e6fab5358323032342d30303131ab7265737472696374696f6ea0aa616d6f756e745f66656ece000186a0a6726561736f6ed934e68d90e8b5a0e696b9e8b4a2e58aa1e5a49ae8bdac31303030e58583efbc8ce7bb8fe6a0b8e5ae9ee58e9fe8b7afe98080e59b9e', 26);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 7, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708b0a56163746f72a9e69d8ee698a5e6a285ab6f636375727265645f6f6eaa323032342d30362d3230aa726571756573745f6964ae53512d4c53522d323032342d3031ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5ac72657365727665645f66656ece00057e40', 32);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 10, 'InKindDonationReceived.v1', '\x8ba474797065b6496e4b696e64446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0aa974696d657374616d70d6ff678708b6a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30382d3230aa726563656970745f6e6fab5358323032342d30303135a5646f6e6f72d924e5b1b1e4b89ce590afe6988ee69687e58c96e794a8e59381e69c89e99990e585ace58fb8ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5a56974656d739285a46974656da6e4b9a6e58c85a87175616e746974793ca4756e6974a3e4b8aaa976616c75655f66656ece00075300a56261736973a8646f63756d656e7485a46974656dace69687e585b7e5a597e8a385a87175616e746974793ca4756e6974a3e5a597a976616c75655f66656ece0002bf20a56261736973aa666169725f76616c7565a46e6f7465d93ce4b9a6e58c85e68c89e68d90e8b5a0e58f91e7a5a8e8aea1e4bbb7efbc9be69687e585b7e5a597e8a385e68c89e5b882e59cbae4bbb7e4bcb0e580bc', 38);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 8, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff678708bca56163746f72a9e78e8be6a182e585b0ab6f636375727265645f6f6eaa323032342d30392d3235aa726571756573745f6964ad53512d57482d323032342d3032ab7265737472696374696f6ea6e58aa9e88081ac72657365727665645f66656ece0002bf20', 44);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 16, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e10a974696d657374616d70d6ff678708c2a56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d31302d3038aa726571756573745f6964ad53512d435a2d323032342d3032aa616d6f756e745f66656ece000249f0a7707572706f7365bee9878de998b3e88a82e9ab98e9be84e88081e4babae685b0e997aee59381ab7265737472696374696f6ea6e58aa9e88081a57061796565b8e6b58ee58d97e9bd90e9b281e683a0e6b091e8b685e5b882', 50);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 11, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e0ba974696d657374616d70d6ff678708c8a56163746f72a9e58898e78e89e88ab3ab6f636375727265645f6f6eaa323032342d31302d3234aa726571756573745f6964ad53512d514e2d323032342d3032ab7265737472696374696f6ea0ac72657365727665645f66656ecdea60', 56);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 5, 'ServiceApproved.v1', '\x88a474797065af53657276696365417070726f766564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708d7a56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d31aa6475726174696f6e5f73cd2328', 74);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 6, 'ServiceApproved.v1', '\x88a474797065af53657276696365417070726f766564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708daa56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d34aa6475726174696f6e5f73cd1c20', 77);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 6, 'HoursBanked.v1', '\x89a474797065ab486f75727342616e6b6564ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708dea56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d32aa6475726174696f6e5f73cd2a30a86372656469745f73cd2a30', 81);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 7, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708aba56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d30352d3234aa726571756573745f6964ad53512d514e2d323032342d3031aa766f75636865725f6e6fab505a2d323032342d303538ab7265737472696374696f6eb8e5bf83e699bae99a9ce7a28de99d92e5b9b4e694afe68c81aa616d6f756e745f66656ece0003a980a57061796565bee6b58ee58d97e5889be889bae6898be5b7a5e69d90e69699e59586e8a18ca7707572706f7365d927e2809ce6b798e4b990e4b990e2809de9a9bfe7ab99e6898be5b7a5e5ae9ee8aeade69d90e69699', 27);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 8, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff678708b1a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30362d3231aa726571756573745f6964ae53512d4c53522d323032342d3031aa6e6f746963655f726566d920e69d8ee59684e4bb81e69d91e585ace7a4bae3809432303234e3809531e58fb7ab6e6f746963655f66726f6daa323032342d30362d3231a96e6f746963655f746faa323032342d30362d3237', 33);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 11, 'GoodsDistributed.v1', '\x8fa474797065b0476f6f64734469737472696275746564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0ba974696d657374616d70d6ff678708b7a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30392d3032af646973747269627574696f6e5f6964ae46462d4c53522d323032342d3031a46974656da6e4b9a6e58c85a4756e6974a3e4b8aaa87175616e746974792da976616c75655f66656ece00057e40a9726563697069656e74d926e69d8ee59684e4bb81e69d91e58f8ae591a8e8beb9e59bb0e5a283e584bfe7aba53435e4babaad7369676e65645f6f66665f6279a9e69d8ee698a5e6a285a7707572706f7365b2e5bc80e5ada6e58aa9e5ada6e7a4bce58c85ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5', 39);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 9, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e09a974696d657374616d70d6ff678708bda56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30392d3236aa726571756573745f6964ad53512d57482d323032342d3032aa6e6f746963655f726566bde78e8be6b2b3e69d91e585ace7a4bae3809432303234e3809531e58fb7ab6e6f746963655f66726f6daa323032342d30392d3236a96e6f746963655f746faa323032342d31302d3032', 45);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 17, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e11a974696d657374616d70d6ff678708c3a56163746f72a9e5b494e7a780e88bb1ab6f636375727265645f6f6eaa323032342d31302d3039aa726571756573745f6964ad53512d435a2d323032342d3032ab7265737472696374696f6ea6e58aa9e88081ac72657365727665645f66656ece000249f0', 51);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 12, 'DisbursementCancelled.v1', '\x8aa474797065b544697362757273656d656e7443616e63656c6c6564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e0ca974696d657374616d70d6ff678708c9a56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d31302d3330aa726571756573745f6964ad53512d514e2d323032342d3032ab7265737472696374696f6ea0ac72656c65617365645f66656ecdea60a6726561736f6ed92de8bf90e58aa8e4bc9ae59ba0e8bf9ee7bbade9998de99ba8e58f96e6b688efbc8ce794b3e8afb7e692a4e59b9e', 57);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('c689d5c1-4a74-523a-9e65-ab2034ea577a', 1, 'StationPolicySet.v1', '\x8ca474797065b053746174696f6e506f6c696379536574ad6f726967696e61746f725f6964c410c689d5c14a74523a9e65ab2034ea577ab26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708cda56163746f72a6e7ab99e995bfab6f636375727265645f6f6eaa323032342d30332d3031aa73746174696f6e5f6964a76375697a686169a46e616d65b5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99ac6175746f5f617070726f7665c2ad62616e6b5f726174655f70637464ae62616e6b5f6175746f6d61746963c2ac62616e6b5f6c696d69745f7300', 61);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 1, 'VolunteerRegistered.v1', '\x8ea474797065b3566f6c756e7465657252656769737465726564ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708cfa56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031ac766f6c756e746565725f6964a6562d30303032aa73746174696f6e5f6964a76375697a686169af706572736f6e616c5f7365616c6564c45e0085a46e616d65a6e78e8be5bcbaa667656e646572a3e794b7aa62697274685f64617465aa313938352d30352d3035a570686f6e65ab3133393030303030303032a969645f6e756d626572b2333730313032313938353035303531323358a769645f68617368d94035643763626433646134303839336461323232646664356631396339663961616264663039386438343962613065316631663538653530663639316661386534a6736b696c6c7390aa63617465676f7269657390a7636f6e73656e74c3ad726567697374657265645f6f6eaa323032342d30332d3031', 64);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 2, 'VolunteerJoinedTeam.v1', '\x87a474797065b3566f6c756e746565724a6f696e65645465616dad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff678708cfa56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989f', 65);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('a809eda1-fdaa-506b-9aa8-44ee1d73025d', 1, 'ActivityPublished.v1', '\xde0010a474797065b141637469766974795075626c6973686564ad6f726967696e61746f725f6964c410a809eda1fdaa506b9aa844ee1d73025db26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708d1a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031ab61637469766974795f6964a6412d30333032aa73746174696f6e5f6964a76375697a686169a46e616d65afe695ace88081e999a2e68ea2e8aebfa863617465676f7279b1766f6c756e746565725f73657276696365a9636f6d6d756e697479a9e5b494e5afa8e69d91a5706c616365afe5b494e5afa8e695ace88081e999a2a96f7267616e697a6572b5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99a66c6561646572a6e58898e5869ba97374617274735f6174d6ff65e27a10a7656e64735f6174d6ff65e2ea90', 68);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 3, 'ServiceRecorded.v1', '\xde0016a474797065af536572766963655265636f72646564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708d3a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3032a97265636f72645f6964a3522d31ab61637469766974795f6964a6412d30333032ad61637469766974795f6e616d65afe695ace88081e999a2e68ea2e8aebfa863617465676f7279b1766f6c756e746565725f73657276696365aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e5b494e5afa8e69d91a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989fac736572766963655f64617465aa323032342d30332d3032aa737461727465645f6174d6ff65e27a10a8656e6465645f6174d6ff65e29d38aa6475726174696f6e5f73cd2328a5706c616365afe5b494e5afa8e695ace88081e999a2a7636f6e74656e74ace999aae4bcb4e88081e4babaa96f7267616e697a6572b5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99a66c6561646572a6e58898e5869ba46c617465c3', 70);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 3, 'ServiceRecorded.v1', '\xde0016a474797065af536572766963655265636f72646564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708d5a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3032a97265636f72645f6964a3522d33ab61637469766974795f6964a6412d30333032ad61637469766974795f6e616d65afe695ace88081e999a2e68ea2e8aebfa863617465676f7279b1766f6c756e746565725f73657276696365aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e5b494e5afa8e69d91a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989fac736572766963655f64617465aa323032342d30332d3032aa737461727465645f6174c0a8656e6465645f6174c0aa6475726174696f6e5f73cd1518a5706c616365afe5b494e5afa8e695ace88081e999a2a7636f6e74656e74a0a96f7267616e697a6572b5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99a66c6561646572a6e58898e5869ba46c617465c3', 72);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 5, 'ServiceCorrected.v1', '\x8fa474797065b053657276696365436f72726563746564ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708dba56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132ad636f7272656374696f6e5f6964a3432d31a97265636f72645f6964a3522d32aa737461727465645f6174c0a8656e6465645f6174c0aa6475726174696f6e5f73cd2a30a764656c74615f73d1f9f7a7636f756e746564c3a6726561736f6eafe7adbee588b0e8a1a8e6a0b8e5afb9ac7265717565737465645f6279a6e78e8be5bcba', 78);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 9, 'CertificateIssued.v1', '\x8ea474797065b14365727469666963617465497373756564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e09a974696d657374616d70d6ff678708e2a56163746f72a6e7ab99e995bfab6f636375727265645f6f6eaa323032352d30312d3130ae63657274696669636174655f6e6fab435a2d323032342d303031ab706572696f645f66726f6daa323032342d30312d3031a9706572696f645f746faa323032342d31322d3331aa7265636f72645f69647391a3522d31a7746f74616c5f73cd2328a6697373756572a6e7ab99e995bfaf69737375696e675f73746174696f6eb5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99a6646967657374d94065323734333933643133626436613061666436643165303561623661333039316165366436613139313136383333633835323131393461323538326264646638', 86);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 3, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708aca56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30362d3031aa726563656970745f6e6fab5358323032342d30303132a5646f6e6f72c0ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5aa616d6f756e745f66656ece00013880a46e6f7465a0', 28);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 9, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e09a974696d657374616d70d6ff678708b2a56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d30372d3031aa726571756573745f6964ae53512d4c53522d323032342d3031aa766f75636865725f6e6fab505a2d323032342d303732ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5aa616d6f756e745f66656ece00057e40a57061796565d927e6b58ee58d97e5b882e5bbbae8bebee7a4bee4bc9ae5b7a5e4bd9ce69c8de58aa1e4b8ade5bf83a7707572706f7365d926e59bb0e5a283e584bfe7aba5e69a91e69c9fe68998e7aea1e890a5efbc883138e4babaefbc89', 34);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 12, 'GoodsDistributed.v1', '\x8fa474797065b0476f6f64734469737472696275746564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0ca974696d657374616d70d6ff678708b8a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30392d3032af646973747269627574696f6e5f6964ae46462d4c53522d323032342d3032a46974656dace69687e585b7e5a597e8a385a4756e6974a3e5a597a87175616e746974792da976616c75655f66656ece00020f58a9726563697069656e74d926e69d8ee59684e4bb81e69d91e58f8ae591a8e8beb9e59bb0e5a283e584bfe7aba53435e4babaad7369676e65645f6f66665f6279a9e69d8ee698a5e6a285a7707572706f7365b2e5bc80e5ada6e58aa9e5ada6e7a4bce58c85ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5', 40);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 14, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0ea974696d657374616d70d6ff678708bea56163746f72a9e69d8ee995bfe6b5b7ab6f636375727265645f6f6eaa323032342d30392d3237aa726571756573745f6964ae53512d4c53522d323032342d3032ab7265737472696374696f6ea0ac72657365727665645f66656ece0001d4c0', 46);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 18, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e12a974696d657374616d70d6ff678708c4a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d31302d3039aa726571756573745f6964ad53512d435a2d323032342d3032aa6e6f746963655f726566bde5b494e5afa8e69d91e585ace7a4bae3809432303234e3809532e58fb7ab6e6f746963655f66726f6daa323032342d31302d3039a96e6f746963655f746faa323032342d31302d3135', 52);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 20, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e14a974696d657374616d70d6ff678708caa56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d31312d3034aa726571756573745f6964ad53512d435a2d323032342d3033aa616d6f756e745f66656ece00030d40a7707572706f7365d92ae2809ce5b494e5afa8e69c89e5a3b0e2809de7a4bee58cbae585ace79b8ae99b86e5b882e789a9e69699ab7265737472696374696f6ea0a57061796565bbe6b58ee58d97e683a0e982a6e5b9bfe5918ae588b6e4bd9ce983a8', 58);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 4, 'ServiceApproved.v1', '\x88a474797065af53657276696365417070726f766564ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708d8a56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d32aa6475726174696f6e5f73cd3039', 75);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 5, 'ServiceVoided.v1', '\x89a474797065ad53657276696365566f69646564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708dca56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d33a9636f756e7465645f73cd1518a6726561736f6eace9878de5a48de799bbe8aeb0', 79);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 8, 'HoursRedeemed.v1', '\x8ca474797065ad486f75727352656465656d6564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff678708dfa56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132ad726564656d7074696f6e5f6964a3582d31a86372656469745f73cd0e10a46974656dace79086e58f91e69c8de58aa1a87175616e7469747901ac636f756e7465727061727479afe788b1e5bf83e79086e58f91e5ba97a8617070726f766572a6e7ab99e995bf', 82);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 4, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708ada56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30362d3031aa726563656970745f6e6fab5358323032342d30303133a5646f6e6f72bee6b58ee58d97e9b281e58c97e5bbbae69d90e69c89e99990e585ace58fb8ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5aa616d6f756e745f66656ece000927c0a46e6f7465a0', 29);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 4, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708b3a56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d30372d3038aa726571756573745f6964ad53512d57482d323032342d3031aa616d6f756e745f66656ece0006ddd0a7707572706f7365bbe8b4ade7bdaee5b9bfe59cbae8889ee99fb3e5938de8aebee5a487ab7265737472696374696f6ea0a57061796565b8e6b58ee58d97e5a3b0e6b5b7e794b5e599a8e59586e8a18c', 35);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 6, 'CashDonationReceived.v1', '\x8ba474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708b9a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30392d3130aa726563656970745f6e6fab5358323032342d30303136a5646f6e6f72c0ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ece00030d40a46e6f7465a0', 41);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 15, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0fa974696d657374616d70d6ff678708bfa56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30392d3238aa726571756573745f6964ae53512d4c53522d323032342d3032aa6e6f746963655f726566d920e69d8ee59684e4bb81e69d91e585ace7a4bae3809432303234e3809532e58fb7ab6e6f746963655f66726f6daa323032342d30392d3238a96e6f746963655f746faa323032342d31302d3034', 47);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 19, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e13a974696d657374616d70d6ff678708c5a56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d31302d3136aa726571756573745f6964ad53512d435a2d323032342d3032aa766f75636865725f6e6fab505a2d323032342d313039ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ece000249f0a57061796565b8e6b58ee58d97e9bd90e9b281e683a0e6b091e8b685e5b882a7707572706f7365bee9878de998b3e88a82e9ab98e9be84e88081e4babae685b0e997aee59381', 53);
INSERT INTO golden_legacy_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 21, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e15a974696d657374616d70d6ff678708cba56163746f72a9e5b494e5bbbae59bbdab6f636375727265645f6f6eaa323032342d31312d3036aa726571756573745f6964ad53512d435a2d323032342d3033ab7265737472696374696f6ea0ac72657365727665645f66656ece00030d40', 59);


--
-- Data for Name: sgzledger_snapshots; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--



--
-- Data for Name: view_tracking; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.view_tracking VALUES ('__migration__', 1);
INSERT INTO golden_legacy_plain.view_tracking VALUES ('fund_views', 86);


--
-- Data for Name: view_versions; Type: TABLE DATA; Schema: golden_legacy_plain; Owner: -
--

INSERT INTO golden_legacy_plain.view_versions VALUES ('fund_views', 2);


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE SET; Schema: golden_legacy_plain; Owner: -
--

SELECT pg_catalog.setval('golden_legacy_plain.sgzledger_events_notification_id_seq', 86, true);


--
-- Name: balance_at_position balance_at_position_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.balance_at_position
    ADD CONSTRAINT balance_at_position_pkey PRIMARY KEY (fund_id, restriction, "position");


--
-- Name: balance_on_day balance_on_day_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.balance_on_day
    ADD CONSTRAINT balance_on_day_pkey PRIMARY KEY (fund_id, restriction, day);


--
-- Name: event_chain_meta event_chain_meta_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.event_chain_meta
    ADD CONSTRAINT event_chain_meta_pkey PRIMARY KEY (name);


--
-- Name: event_chain event_chain_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.event_chain
    ADD CONSTRAINT event_chain_pkey PRIMARY KEY ("position");


--
-- Name: fund_balances fund_balances_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.fund_balances
    ADD CONSTRAINT fund_balances_pkey PRIMARY KEY (fund_id, restriction);


--
-- Name: fund_entries fund_entries_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.fund_entries
    ADD CONSTRAINT fund_entries_pkey PRIMARY KEY (fund_id, "position");


--
-- Name: fund_goods fund_goods_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.fund_goods
    ADD CONSTRAINT fund_goods_pkey PRIMARY KEY (fund_id, item, unit, restriction);


--
-- Name: funds funds_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.funds
    ADD CONSTRAINT funds_pkey PRIMARY KEY (fund_id);


--
-- Name: sgzledger_events sgzledger_events_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.sgzledger_events
    ADD CONSTRAINT sgzledger_events_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: sgzledger_snapshots sgzledger_snapshots_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.sgzledger_snapshots
    ADD CONSTRAINT sgzledger_snapshots_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: view_tracking view_tracking_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.view_tracking
    ADD CONSTRAINT view_tracking_pkey PRIMARY KEY (application_name);


--
-- Name: view_versions view_versions_pkey; Type: CONSTRAINT; Schema: golden_legacy_plain; Owner: -
--

ALTER TABLE ONLY golden_legacy_plain.view_versions
    ADD CONSTRAINT view_versions_pkey PRIMARY KEY (name);


--
-- Name: fund_balances_i0; Type: INDEX; Schema: golden_legacy_plain; Owner: -
--

CREATE INDEX fund_balances_i0 ON golden_legacy_plain.fund_balances USING btree (station_id);


--
-- Name: fund_entries_i0; Type: INDEX; Schema: golden_legacy_plain; Owner: -
--

CREATE INDEX fund_entries_i0 ON golden_legacy_plain.fund_entries USING btree (fund_id, occurred_on, "position");


--
-- Name: fund_entries_i1; Type: INDEX; Schema: golden_legacy_plain; Owner: -
--

CREATE INDEX fund_entries_i1 ON golden_legacy_plain.fund_entries USING btree (station_id, occurred_on);


--
-- Name: fund_entries_i2; Type: INDEX; Schema: golden_legacy_plain; Owner: -
--

CREATE INDEX fund_entries_i2 ON golden_legacy_plain.fund_entries USING btree (fund_id, of_ref);


--
-- Name: funds_i0; Type: INDEX; Schema: golden_legacy_plain; Owner: -
--

CREATE INDEX funds_i0 ON golden_legacy_plain.funds USING btree (station_id);


--
-- Name: sgzledger_events_notification_id_idx; Type: INDEX; Schema: golden_legacy_plain; Owner: -
--

CREATE UNIQUE INDEX sgzledger_events_notification_id_idx ON golden_legacy_plain.sgzledger_events USING btree (notification_id);


--
-- PostgreSQL database dump complete
--

\unrestrict ZvY01MF7Mc7PUZbyM2Qswj757UnMvbbukzDS8qnslLCgtLQZIHKP5a3nLZM0mQ3

