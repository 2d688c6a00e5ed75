--
-- PostgreSQL database dump
--

\restrict 0z7vKD4k7sPs7G2FXXGbuHpwfhKhvwRsH5JsUb3YSc5lgHT3sfnoHig7nhMx0YB

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
-- Name: golden_legacy_keyed; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA golden_legacy_keyed;


--
-- Name: stored_event_uuid; Type: TYPE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TYPE golden_legacy_keyed.stored_event_uuid AS (
	originator_id uuid,
	originator_version bigint,
	topic text,
	state bytea
);


--
-- Name: es_insert_events_uuid(golden_legacy_keyed.stored_event_uuid[]); Type: FUNCTION; Schema: golden_legacy_keyed; Owner: -
--

CREATE FUNCTION golden_legacy_keyed.es_insert_events_uuid(events golden_legacy_keyed.stored_event_uuid[]) RETURNS SETOF bigint
    LANGUAGE plpgsql
    AS $$BEGIN    SET LOCAL lock_timeout = '0s';    NOTIFY "sgzledger_events";    RETURN QUERY    INSERT INTO "golden_legacy_keyed"."sgzledger_events" AS t (    originator_id, originator_version, topic, state)    SELECT originator_id, originator_version, topic, state    FROM unnest(events)    RETURNING notification_id;END;$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: balance_at_position; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.balance_at_position (
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
-- Name: balance_on_day; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.balance_on_day (
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
-- Name: event_chain; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.event_chain (
    "position" bigint NOT NULL,
    digest bytea NOT NULL
);


--
-- Name: event_chain_meta; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.event_chain_meta (
    name text NOT NULL,
    value text NOT NULL
);


--
-- Name: fund_balances; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.fund_balances (
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
-- Name: fund_entries; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.fund_entries (
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
-- Name: fund_goods; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.fund_goods (
    fund_id text NOT NULL,
    item text NOT NULL,
    unit text NOT NULL,
    restriction text NOT NULL,
    station_id text NOT NULL,
    quantity bigint NOT NULL,
    value_fen bigint NOT NULL
);


--
-- Name: funds; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.funds (
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
-- Name: sgzledger_events; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.sgzledger_events (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea,
    notification_id bigint NOT NULL
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE; Schema: golden_legacy_keyed; Owner: -
--

CREATE SEQUENCE golden_legacy_keyed.sgzledger_events_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE OWNED BY; Schema: golden_legacy_keyed; Owner: -
--

ALTER SEQUENCE golden_legacy_keyed.sgzledger_events_notification_id_seq OWNED BY golden_legacy_keyed.sgzledger_events.notification_id;


--
-- Name: sgzledger_snapshots; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.sgzledger_snapshots (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: view_tracking; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.view_tracking (
    application_name text NOT NULL,
    notification_id bigint
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: view_versions; Type: TABLE; Schema: golden_legacy_keyed; Owner: -
--

CREATE TABLE golden_legacy_keyed.view_versions (
    name text NOT NULL,
    version bigint NOT NULL
);


--
-- Name: sgzledger_events notification_id; Type: DEFAULT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.sgzledger_events ALTER COLUMN notification_id SET DEFAULT nextval('golden_legacy_keyed.sgzledger_events_notification_id_seq'::regclass);


--
-- Data for Name: balance_at_position; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '助学', 5, 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-wanghe', '', 7, 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-lishanren', '', 10, 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '', 11, 800000, 0, 0, 0, 0, 0, 0, 800000, 0, 800000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '助学', 13, 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '助老', 14, 50000, 0, 0, 0, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '助学', 15, 2000000, 0, 0, 600000, 0, 0, 0, 2000000, 600000, 1400000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-wanghe', '助老', 17, 30000, 0, 0, 0, 0, 0, 0, 30000, 0, 30000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '助学', 18, 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 19, 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '助老', 20, 170000, 0, 0, 0, 0, 0, 0, 170000, 0, 170000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-qingning', '', 21, 20000, 0, 0, 0, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '', 22, 1100000, 0, 0, 0, 0, 0, 0, 1100000, 0, 1100000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 24, 500000, 0, 0, 240000, 0, 0, 0, 500000, 240000, 260000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '', 26, 1100000, 100000, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 27, 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-lishanren', '困境儿童', 28, 80000, 0, 0, 0, 0, 0, 0, 80000, 0, 80000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-lishanren', '困境儿童', 29, 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-lishanren', '困境儿童', 31, 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-lishanren', '困境儿童', 32, 680000, 0, 0, 360000, 0, 0, 0, 680000, 360000, 320000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-lishanren', '困境儿童', 34, 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-wanghe', '', 36, 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-wanghe', '助老', 41, 230000, 0, 0, 0, 0, 0, 0, 230000, 0, 230000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-wanghe', '助老', 44, 230000, 0, 0, 180000, 0, 0, 0, 230000, 180000, 50000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-lishanren', '', 46, 500000, 0, 0, 120000, 0, 0, 0, 500000, 120000, 380000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-wanghe', '助老', 48, 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-lishanren', '', 49, 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '助老', 51, 170000, 0, 0, 150000, 0, 0, 0, 170000, 150000, 20000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '助老', 53, 170000, 0, 150000, 150000, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-qingning', '', 54, 120000, 0, 0, 0, 0, 0, 0, 120000, 0, 120000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-qingning', '', 56, 120000, 0, 0, 60000, 0, 0, 0, 120000, 60000, 60000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-qingning', '', 57, 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_legacy_keyed.balance_at_position VALUES ('cz-cuizhai', '', 59, 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);


--
-- Data for Name: balance_on_day; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-01-15', 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-04', 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-05', 2000000, 0, 0, 600000, 0, 0, 0, 2000000, 600000, 1400000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-03-05', 50000, 0, 0, 0, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '', '2024-02-20', 800000, 0, 0, 0, 0, 0, 0, 800000, 0, 800000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-04-02', 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '', '2024-05-06', 1100000, 0, 0, 0, 0, 0, 0, 1100000, 0, 1100000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-05-15', 500000, 0, 0, 240000, 0, 0, 0, 500000, 240000, 260000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-01', 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-19', 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-20', 680000, 0, 0, 360000, 0, 0, 0, 680000, 360000, 320000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-wanghe', '', '2024-01-30', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-wanghe', '助老', '2024-03-08', 30000, 0, 0, 0, 0, 0, 0, 30000, 0, 30000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-wanghe', '助老', '2024-09-10', 230000, 0, 0, 0, 0, 0, 0, 230000, 0, 230000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-lishanren', '', '2024-02-18', 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-wanghe', '助老', '2024-09-25', 230000, 0, 0, 180000, 0, 0, 0, 230000, 180000, 50000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-lishanren', '', '2024-09-27', 500000, 0, 0, 120000, 0, 0, 0, 500000, 120000, 380000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-04-10', 170000, 0, 0, 0, 0, 0, 0, 170000, 0, 170000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-10-09', 170000, 0, 0, 150000, 0, 0, 0, 170000, 150000, 20000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-qingning', '', '2024-04-16', 20000, 0, 0, 0, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-qingning', '', '2024-10-21', 120000, 0, 0, 0, 0, 0, 0, 120000, 0, 120000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-qingning', '', '2024-10-24', 120000, 0, 0, 60000, 0, 0, 0, 120000, 60000, 60000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '', '2024-05-20', 1100000, 100000, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-13', 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-wanghe', '', '2024-07-12', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-lishanren', '', '2024-10-08', 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '', '2024-11-06', 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-10-16', 170000, 0, 150000, 150000, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-wanghe', '助老', '2024-10-08', 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-05-24', 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-qingning', '', '2024-10-30', 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_legacy_keyed.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-07-01', 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);


--
-- Data for Name: event_chain; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.event_chain VALUES (1, '\x2d8c065ec2f4257544c87939aa0265d75b83d6b60c81f0003294be597ec5c44e');
INSERT INTO golden_legacy_keyed.event_chain VALUES (2, '\x2d0ff4e44cdeba9b968484ee7a4b767de82fcbf2ef8b00c3e2fae7abe183ec7f');
INSERT INTO golden_legacy_keyed.event_chain VALUES (3, '\x5b062b4999f7571d6c3459da6974e085f9e47a6a03a6920720ece6322900f5dc');
INSERT INTO golden_legacy_keyed.event_chain VALUES (4, '\x95604731cbee64827b77a406a8bde12172b4602e1313235032a4c61e39412688');
INSERT INTO golden_legacy_keyed.event_chain VALUES (5, '\xe9ab3956962f98574e29edec1739489b012b7ef1989d649f8ecd18ed3a4519a9');
INSERT INTO golden_legacy_keyed.event_chain VALUES (6, '\x3edcf52286c60c8398ac614dafe56eaeb38ef8923754073230655caf75b54880');
INSERT INTO golden_legacy_keyed.event_chain VALUES (7, '\x79fc9ec95966903233d5b7762ab55b2723be5f2d4748b5271aeacaedf1e47a2c');
INSERT INTO golden_legacy_keyed.event_chain VALUES (8, '\x9117239b8a4a02f5519000080fcdd0d90157d45fcc58a1a89e6ede4daa6173bf');
INSERT INTO golden_legacy_keyed.event_chain VALUES (9, '\xc2127963c16d063e8aa74026105f896a0f89975e7fef27bfc8b79b7e18295c6b');
INSERT INTO golden_legacy_keyed.event_chain VALUES (10, '\xf197523607fc94b336118fde73c51f39fb010a4cbe5663e87a46dc5dd7685622');
INSERT INTO golden_legacy_keyed.event_chain VALUES (11, '\x698e7c7ffb47098fff8dde2f983fb03ce4eac2d0f36343a34e7d774fbe4685e5');
INSERT INTO golden_legacy_keyed.event_chain VALUES (12, '\x3316fc59285364b38ce7cdf82299d07f7b33fe1ca8d29385c7381044a51aaba9');
INSERT INTO golden_legacy_keyed.event_chain VALUES (13, '\xe81070f7cb2921178419cfb743c556532df3456002a35b9bb0fb740807a300cc');
INSERT INTO golden_legacy_keyed.event_chain VALUES (14, '\x554d0b1dcf8fcad0e1b3b924f52ecac351a129d53160684ae0f3e3506a43ac50');
INSERT INTO golden_legacy_keyed.event_chain VALUES (15, '\x67c46b47ded3aab4f09ad7231b74eb375cecbd42a07b9bb9d8a57d1571048695');
INSERT INTO golden_legacy_keyed.event_chain VALUES (16, '\x004a39c1fc36c0993c5184710933acf04167eefaead7e77ba0471985fdbcb167');
INSERT INTO golden_legacy_keyed.event_chain VALUES (17, '\x86571129a178aae498eb6b9edd4d89694a414b305815c79de46d8fb966b84859');
INSERT INTO golden_legacy_keyed.event_chain VALUES (18, '\x841cb2a12c76692255c58aa4f549cdc235140c33ed9f0858712a7980cc6d15b9');
INSERT INTO golden_legacy_keyed.event_chain VALUES (19, '\x2853699e0b641d312f996288fda97d3b844cab0c64e4faaeae074c0022dbfe7e');
INSERT INTO golden_legacy_keyed.event_chain VALUES (20, '\x812ef4b7b3c0f4430e69ccd6698bc2784d9d046cb555abb46bc0df3f0cd9f058');
INSERT INTO golden_legacy_keyed.event_chain VALUES (21, '\x9176ed7f35522f366608341b2ecc481d29f4c3c788601cfb376449603437f699');
INSERT INTO golden_legacy_keyed.event_chain VALUES (22, '\xf5e2b8739dd4b7d91dec0889d9d40bd8b572adb615c14ce93c4c31b78906d48c');
INSERT INTO golden_legacy_keyed.event_chain VALUES (23, '\x1c83e99977df4c9c9ed5b67cefe3ea4423d75d72a292f5c62d2954b75465a30a');
INSERT INTO golden_legacy_keyed.event_chain VALUES (24, '\x3859a6a8106dc7b7c04f5c1c6d8b7ca1f02b8b3c21580ceaefe9d2479c5aa7d1');
INSERT INTO golden_legacy_keyed.event_chain VALUES (25, '\xd7a5ab280fcc43c4b4d13887fc4ba9bf2b1e073589d1a7fabb33c6d2b60fcdb6');
INSERT INTO golden_legacy_keyed.event_chain VALUES (26, '\x9de3b697c3fd6191ed2475cb03d397dee6ba9d23ff5ed6546ce093461ad3370f');
INSERT INTO golden_legacy_keyed.event_chain VALUES (27, '\x4cd4567c1b8a4f1830cd1ab99d5c882e2313b9078037a26fc0e1f325009382f8');
INSERT INTO golden_legacy_keyed.event_chain VALUES (28, '\xe2af8d36534a0967a9a4a5af428b6e070e7cd78d3fe966d4beabd070373b0f7b');
INSERT INTO golden_legacy_keyed.event_chain VALUES (29, '\x9ad81e04ea7b9b6f12145a9a484c809be11cf3a1bf3b6f209cb226f3ec241080');
INSERT INTO golden_legacy_keyed.event_chain VALUES (30, '\x97a92b4f3eaf4e239ea63dd088054ee8db9fbc9ceb8fb88b577be2c18db46ed1');
INSERT INTO golden_legacy_keyed.event_chain VALUES (31, '\x6af32c4822ba666398f16ee21947c9e7051311f4493e5f3abf58c3f3a93995bd');
INSERT INTO golden_legacy_keyed.event_chain VALUES (32, '\x415bf6c74d93bead7f519ce2b68e6582457e30a99044ede3f47de487ee665ab2');
INSERT INTO golden_legacy_keyed.event_chain VALUES (33, '\x7606d7f32a6a9d7eb6a5a775bd6a336a5cb31755496e930e19d492e417ffbfb5');
INSERT INTO golden_legacy_keyed.event_chain VALUES (34, '\x611b26e4157cbe918ae3db52fd0b91b5ee6e23f8710d04144cdfeddf87451318');
INSERT INTO golden_legacy_keyed.event_chain VALUES (35, '\x76f98aca92b20fe2ce8619db5102f53da6a264cbaa7c56cb54e380a9c4e12420');
INSERT INTO golden_legacy_keyed.event_chain VALUES (36, '\x46994437e939bd4e8c94479ea529e27fd249b1571e1ceecc79ffd141d1025ab8');
INSERT INTO golden_legacy_keyed.event_chain VALUES (37, '\xddbe7bb0447cda88f98aee82b3ebe0ca298ad23348cc514b6c52c7b9975c9bb6');
INSERT INTO golden_legacy_keyed.event_chain VALUES (38, '\x61db14d66dd26b34197071832d2bbe81c8a0aebde5cdef96e4db79df5843583b');
INSERT INTO golden_legacy_keyed.event_chain VALUES (39, '\x56eff10705b5b0da7905e5145307cc5d613efcb77f770e0133289decc0d94bf3');
INSERT INTO golden_legacy_keyed.event_chain VALUES (40, '\xe2994c90064b7089ee3070c4d86151a2238fe6adc66b557c35207a9b0e15c918');
INSERT INTO golden_legacy_keyed.event_chain VALUES (41, '\xed49b5dcf6ad98e5ffa74b745dc4ee6b8788b60f82503e22ec190a6a6b665a38');
INSERT INTO golden_legacy_keyed.event_chain VALUES (42, '\xbb181e676b0737fbc624b6a66167ae1a2c4df6565f150f1e3fdabde51e2c7243');
INSERT INTO golden_legacy_keyed.event_chain VALUES (43, '\x33bfe5948c27a9023bb31a3b34046b0c429867b0727189ed88068460e67e1fa9');
INSERT INTO golden_legacy_keyed.event_chain VALUES (44, '\xfb607f28fb61ac645d8a69691b8ee752cfbf846338bee30ed0062b7dfea05a49');
INSERT INTO golden_legacy_keyed.event_chain VALUES (45, '\x6dad4d6c5ef2a04979a2f0478f9c22e04a0c739cb58a3034b77d43628957438e');
INSERT INTO golden_legacy_keyed.event_chain VALUES (46, '\xe5625289d7428626e75a9f64bd19fbcdd130de6f56403dbc3467cf6f4c6c6fc9');
INSERT INTO golden_legacy_keyed.event_chain VALUES (47, '\x63dcf5c00e8dcca07bcc590d146b79aba2479d8821df6c5b338a0edb65e01809');
INSERT INTO golden_legacy_keyed.event_chain VALUES (48, '\x3cfb359aa353862f148f6d505205b0a57ca75f217b30ea579500d14269599deb');
INSERT INTO golden_legacy_keyed.event_chain VALUES (49, '\xbff47d522bd3d754a0297f5649ae030c6e4bb2daac2d359be6aea58e7582e1fb');
INSERT INTO golden_legacy_keyed.event_chain VALUES (50, '\xfe5026c910edb785d326de2ff33d5a473c84fb09679ce61e0086b01d5ad9d056');
INSERT INTO golden_legacy_keyed.event_chain VALUES (51, '\x31e23ae6db277771bcfbcc3be4a76be44fd79f7dbe490d3ff5c8cb488d1376e3');
INSERT INTO golden_legacy_keyed.event_chain VALUES (52, '\x10ad7d7dbddacc51947877af92f75500cc904f483518831292dc50639daa4e8f');
INSERT INTO golden_legacy_keyed.event_chain VALUES (53, '\xb52d511c2a4d7d78d1e9e78533302e4be0ce5957ecc65e928043d04f37aa6f7a');
INSERT INTO golden_legacy_keyed.event_chain VALUES (54, '\x33b1d31e7b8c49614d8bb7e4c8e5cd46ff8fff6f490d101d4f6674908852b9c6');
INSERT INTO golden_legacy_keyed.event_chain VALUES (55, '\xdd2c9acf0789d0398a427dd730d03e2956c7ac0e4c3f10fa6b2d2047e37bbc2f');
INSERT INTO golden_legacy_keyed.event_chain VALUES (56, '\x9af446b6a0e5ec44c4fb3f4959f3f9befa6ea7a0afa964d20cdfa7568f435988');
INSERT INTO golden_legacy_keyed.event_chain VALUES (57, '\x2d4a3c5e41672b16e80cba7089a5418a6235f6ccec426a60babfe4de180f4b8c');
INSERT INTO golden_legacy_keyed.event_chain VALUES (58, '\xff861198350b42e971a54d53087989f350a03c809c84c3bc5826c00a6b999ab4');
INSERT INTO golden_legacy_keyed.event_chain VALUES (59, '\x90366ede7b5dfdf1f30d3bc4dcabc8e6668237ea8944f15cf14b0ff962a87bae');
INSERT INTO golden_legacy_keyed.event_chain VALUES (60, '\xf4e2e348264ffcec4c07305115e5d78ec1d1427f63a5dfacfa670eaa601e2e46');
INSERT INTO golden_legacy_keyed.event_chain VALUES (61, '\x0514d256fbe2e88aa619771f318196f1acafd05c22f8d4cc11a2dc5bab7ee524');
INSERT INTO golden_legacy_keyed.event_chain VALUES (62, '\x8deabf29254382e52e68e50982384a180c755e1d02f0425c301b654e420eb5b3');
INSERT INTO golden_legacy_keyed.event_chain VALUES (63, '\xbfa7489a2c41c9f430be250c253adcdf9e252c3a6f65c418fc19c3f10c0369d4');
INSERT INTO golden_legacy_keyed.event_chain VALUES (64, '\x72bade15901eadbda6bb7081ab00625ad40e1e181b97e79a45d9810e81689b61');
INSERT INTO golden_legacy_keyed.event_chain VALUES (65, '\xb468b0e78055c0b42f0cfdd19834c38bdbb3f5cbdfba94b4c0f368eb5ad5d4cf');
INSERT INTO golden_legacy_keyed.event_chain VALUES (66, '\x4dd019f3ed123ad2a174020f876d280058a0835ffb110b24caf0f11d09b882cd');
INSERT INTO golden_legacy_keyed.event_chain VALUES (67, '\x32740a9053717f6e6987db63bdcd66a9dcc9d56967e29bbd5cebc9c023ee6d53');
INSERT INTO golden_legacy_keyed.event_chain VALUES (68, '\xc726bf667131f6f9dd4a0fe8bdd3db7166e52005a44a2723137c9e29957377ea');
INSERT INTO golden_legacy_keyed.event_chain VALUES (69, '\x2b1d78b9771ef68085b289a05fbf4f4b9212ccabd11be6b586f647ca8c962bef');
INSERT INTO golden_legacy_keyed.event_chain VALUES (70, '\xa6506d547b3f12d518cf91101afc100300d31ea0b2169c1a7e01fb42c1c7bce1');
INSERT INTO golden_legacy_keyed.event_chain VALUES (71, '\xe6de512b3ba04a424357d36749a48889d5c18c42e96892c1868efdde6af10cf4');
INSERT INTO golden_legacy_keyed.event_chain VALUES (72, '\x8a437dfcb548aa6f3c273269f5eb8fbb67d8021d1ee68540137a109e7acd7d77');
INSERT INTO golden_legacy_keyed.event_chain VALUES (73, '\xfea5fd9d2e768cc0d052dec261fc6e507e9b7f427dce88bc2adf77f55a074e00');
INSERT INTO golden_legacy_keyed.event_chain VALUES (74, '\x9adff46ba8a1d9f66e108276bb561a895ce34bfc818fcca9caf3248973afe0dc');
INSERT INTO golden_legacy_keyed.event_chain VALUES (75, '\xdfca204183dc75d3c2847baa2d0c178b984c80cd9a82b44f74f8d1bef6d088a3');
INSERT INTO golden_legacy_keyed.event_chain VALUES (76, '\xd545f14326624beb58ffcdccf8fd07dc1ab75d68912e14e00aaff608e1dc8169');
INSERT INTO golden_legacy_keyed.event_chain VALUES (77, '\xe069eb9886d0c3d735c65153c69c16e1b0697cddec26604e99bcb163d6a6eefb');
INSERT INTO golden_legacy_keyed.event_chain VALUES (78, '\xe255078bc3f093de3a172ccda9f7a19b812b6e9550209bec8979b8b50a94c277');
INSERT INTO golden_legacy_keyed.event_chain VALUES (79, '\x0c4dcf59e8f9edac7c3eb7686fa17f06a7f76828bdca7694b1da3ce61d8ccd25');
INSERT INTO golden_legacy_keyed.event_chain VALUES (80, '\xd10bf7b9d98507cbabd6223774678813bffb0149e4c859dd43200c48d071193c');
INSERT INTO golden_legacy_keyed.event_chain VALUES (81, '\xadb998e2239c4ae73d1ff6b3833ef66ba2ce867926b5958494e197f7b8b4c2c6');
INSERT INTO golden_legacy_keyed.event_chain VALUES (82, '\x46e9ab84142b76ac4d794e40ae99605d03a6fbae67871f66b0eb89dfddc411f1');
INSERT INTO golden_legacy_keyed.event_chain VALUES (83, '\x2594a46ac3f18439bb87120a444565e8cdf7ad0529b57cfffa6edf82abd0d285');
INSERT INTO golden_legacy_keyed.event_chain VALUES (84, '\x7edce7f54a5cc11e94633984fbac57532dadaf33b37f607603edbc4c679599eb');
INSERT INTO golden_legacy_keyed.event_chain VALUES (85, '\x7ecfcb009b4c79a21c7e3b7987eb3420ee02d7b16793ae00f1562058c275375d');
INSERT INTO golden_legacy_keyed.event_chain VALUES (86, '\xa8d1e038aea157cb543b9d34c2b7fcd90328c8682c58c4feafce1ec37ef1f03c');


--
-- Data for Name: event_chain_meta; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.event_chain_meta VALUES ('format', '1');
INSERT INTO golden_legacy_keyed.event_chain_meta VALUES ('algorithm', 'hmac-sha256');
INSERT INTO golden_legacy_keyed.event_chain_meta VALUES ('key_fingerprint', 'b4c539d465dd1470bd600d89627194f3');


--
-- Data for Name: fund_balances; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.fund_balances VALUES ('cz-cuizhai', '助学', 'cuizhai', 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_legacy_keyed.fund_balances VALUES ('cz-wanghe', '', 'cuizhai', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_legacy_keyed.fund_balances VALUES ('cz-lishanren', '', 'cuizhai', 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_legacy_keyed.fund_balances VALUES ('cz-cuizhai', '', 'cuizhai', 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);
INSERT INTO golden_legacy_keyed.fund_balances VALUES ('cz-cuizhai', '助老', 'cuizhai', 170000, 0, 150000, 150000, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_legacy_keyed.fund_balances VALUES ('cz-wanghe', '助老', 'cuizhai', 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_legacy_keyed.fund_balances VALUES ('cz-qingning', '心智障碍青年支持', 'cuizhai', 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_legacy_keyed.fund_balances VALUES ('cz-qingning', '', 'cuizhai', 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_legacy_keyed.fund_balances VALUES ('cz-lishanren', '困境儿童', 'cuizhai', 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);


--
-- Data for Name: fund_entries; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 1, 'cuizhai', '2024-01-08', '2025-01-15T01:00:01+00:00', 'opened', '', '', '', '山东省乡村振兴基金会', '崔寨村社区基金', '陈晓', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 2, 'cuizhai', '2024-01-08', '2025-01-15T01:00:02+00:00', 'opened', '', '', '', '山东省乡村振兴基金会', '李善仁村社区基金', '陈晓', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-wanghe', 3, 'cuizhai', '2024-01-08', '2025-01-15T01:00:03+00:00', 'opened', '', '', '', '山东省乡村振兴基金会', '王河村社区基金', '陈晓', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 4, 'cuizhai', '2024-01-08', '2025-01-15T01:00:04+00:00', 'opened', '', '', '', '山东省乡村振兴基金会', '清宁村社区基金', '陈晓', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 5, 'cuizhai', '2024-01-15', '2025-01-15T01:00:05+00:00', 'donation', '助学', 'SX2024-0001', '', '山东润泽农业科技有限公司', '', '陈晓', '', 2000000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 6, 'cuizhai', '2024-01-25', '2025-01-15T01:00:06+00:00', 'in_kind_donation', '助老', 'SX2024-0002', '', '济南齐鲁惠民超市', '', '陈晓', '春节慰问物资，按超市出库单计价', 0, 0, 650000, '大米(10kg) 50 袋; 食用油(5L) 50 桶');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-wanghe', 7, 'cuizhai', '2024-01-30', '2025-01-15T01:00:07+00:00', 'donation', '', 'SX2024-0003', '', '王河村乡贤理事会', '', '陈晓', '', 1000000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 8, 'cuizhai', '2024-02-02', '2025-01-15T01:00:08+00:00', 'goods_distributed', '助老', 'FF-CZ-2024-01', '', '崔寨村独居及高龄老人40户', '春节走访慰问', '陈晓', 'signed off by 崔建国', 0, 0, -240000, '大米(10kg) 40 袋');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 9, 'cuizhai', '2024-02-02', '2025-01-15T01:00:09+00:00', 'goods_distributed', '助老', 'FF-CZ-2024-02', '', '崔寨村独居及高龄老人40户', '春节走访慰问', '陈晓', 'signed off by 崔建国', 0, 0, -280000, '食用油(5L) 40 桶');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 10, 'cuizhai', '2024-02-18', '2025-01-15T01:00:10+00:00', 'donation', '', 'SX2024-0004', '', '李德福', '', '陈晓', '在外经商的本村村民', 500000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 11, 'cuizhai', '2024-02-20', '2025-01-15T01:00:11+00:00', 'donation', '', 'SX2024-0005', '', '崔寨街道商会', '', '陈晓', '', 800000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 12, 'cuizhai', '2024-03-01', '2025-01-15T01:00:12+00:00', 'requested', '助学', 'SQ-CZ-2024-01', '', '崔寨村困境儿童家庭12户', '春季困境儿童助学金（12人×500元）', '孙悦', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 13, 'cuizhai', '2024-03-04', '2025-01-15T01:00:13+00:00', 'approved', '助学', 'SQ-CZ-2024-01', '', '', '', '崔建国', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 14, 'cuizhai', '2024-03-05', '2025-01-15T01:00:14+00:00', 'donation', '助老', 'SX2024-0006', '', '', '', '陈晓', '', 50000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 15, 'cuizhai', '2024-03-05', '2025-01-15T01:00:15+00:00', 'approved', '助学', 'SQ-CZ-2024-01', '', '', '', '崔秀英', '', 0, 600000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 16, 'cuizhai', '2024-03-06', '2025-01-15T01:00:16+00:00', 'publicized', '', 'SQ-CZ-2024-01', '', '', '', '陈晓', '公示 崔寨村公示〔2024〕1号 2024-03-06..2024-03-12', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-wanghe', 17, 'cuizhai', '2024-03-08', '2025-01-15T01:00:17+00:00', 'donation', '助老', 'SX2024-0007', '', '王秀兰', '', '陈晓', '', 30000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 18, 'cuizhai', '2024-03-13', '2025-01-15T01:00:18+00:00', 'paid', '助学', 'SQ-CZ-2024-01', 'PZ-2024-031', '崔寨村困境儿童家庭12户', '春季困境儿童助学金（12人×500元）', '周敏', '', -600000, -600000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 19, 'cuizhai', '2024-04-02', '2025-01-15T01:00:19+00:00', 'donation', '心智障碍青年支持', 'SX2024-0008', '', '山东清源环保科技有限公司', '', '陈晓', '', 500000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 20, 'cuizhai', '2024-04-10', '2025-01-15T01:00:20+00:00', 'donation', '助老', 'SX2024-0009', '', '崔广明', '', '陈晓', '', 120000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 21, 'cuizhai', '2024-04-16', '2025-01-15T01:00:21+00:00', 'donation', '', 'SX2024-0010', '', '赵桂芝', '', '陈晓', '', 20000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 22, 'cuizhai', '2024-05-06', '2025-01-15T01:00:22+00:00', 'donation', '', 'SX2024-0011', '', '济南鑫盛物流有限公司', '', '陈晓', '', 300000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 23, 'cuizhai', '2024-05-13', '2025-01-15T01:00:23+00:00', 'requested', '心智障碍青年支持', 'SQ-QN-2024-01', '', '济南创艺手工材料商行', '“淘乐乐”驿站手工实训材料', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 24, 'cuizhai', '2024-05-15', '2025-01-15T01:00:24+00:00', 'approved', '心智障碍青年支持', 'SQ-QN-2024-01', '', '', '', '张清泉', '', 0, 240000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 25, 'cuizhai', '2024-05-16', '2025-01-15T01:00:25+00:00', 'publicized', '', 'SQ-QN-2024-01', '', '', '', '陈晓', '公示 清宁村公示〔2024〕1号 2024-05-16..2024-05-22', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 26, 'cuizhai', '2024-05-20', '2025-01-15T01:00:26+00:00', 'refund', '', 'TK-2024-01', 'SX2024-0011', '', '', '周敏', '捐赠方财务多转1000元，经核实原路退回', -100000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 27, 'cuizhai', '2024-05-24', '2025-01-15T01:00:27+00:00', 'paid', '心智障碍青年支持', 'SQ-QN-2024-01', 'PZ-2024-058', '济南创艺手工材料商行', '“淘乐乐”驿站手工实训材料', '周敏', '', -240000, -240000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 28, 'cuizhai', '2024-06-01', '2025-01-15T01:00:28+00:00', 'donation', '困境儿童', 'SX2024-0012', '', '', '', '陈晓', '', 80000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 29, 'cuizhai', '2024-06-01', '2025-01-15T01:00:29+00:00', 'donation', '困境儿童', 'SX2024-0013', '', '济南鲁北建材有限公司', '', '陈晓', '', 600000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 30, 'cuizhai', '2024-06-17', '2025-01-15T01:00:30+00:00', 'requested', '困境儿童', 'SQ-LSR-2024-01', '', '济南市建达社会工作服务中心', '困境儿童暑期托管营（18人）', '孙悦', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 31, 'cuizhai', '2024-06-19', '2025-01-15T01:00:31+00:00', 'approved', '困境儿童', 'SQ-LSR-2024-01', '', '', '', '李长海', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 32, 'cuizhai', '2024-06-20', '2025-01-15T01:00:32+00:00', 'approved', '困境儿童', 'SQ-LSR-2024-01', '', '', '', '李春梅', '', 0, 360000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 33, 'cuizhai', '2024-06-21', '2025-01-15T01:00:33+00:00', 'publicized', '', 'SQ-LSR-2024-01', '', '', '', '陈晓', '公示 李善仁村公示〔2024〕1号 2024-06-21..2024-06-27', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 34, 'cuizhai', '2024-07-01', '2025-01-15T01:00:34+00:00', 'paid', '困境儿童', 'SQ-LSR-2024-01', 'PZ-2024-072', '济南市建达社会工作服务中心', '困境儿童暑期托管营（18人）', '周敏', '', -360000, -360000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-wanghe', 35, 'cuizhai', '2024-07-08', '2025-01-15T01:00:35+00:00', 'requested', '', 'SQ-WH-2024-01', '', '济南声海电器商行', '购置广场舞音响设备', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-wanghe', 36, 'cuizhai', '2024-07-12', '2025-01-15T01:00:36+00:00', 'rejected', '', 'SQ-WH-2024-01', '', '', '', '王德胜', '不属于社区基金资助范围，建议由村集体经费列支', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 37, 'cuizhai', '2024-07-20', '2025-01-15T01:00:37+00:00', 'in_kind_donation', '', 'SX2024-0014', '', '', '', '陈晓', '居民匿名捐赠旧书，无凭据、无法估值，不计金额', 0, 0, 0, '儿童图书 120 本');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 38, 'cuizhai', '2024-08-20', '2025-01-15T01:00:38+00:00', 'in_kind_donation', '困境儿童', 'SX2024-0015', '', '山东启明文化用品有限公司', '', '陈晓', '书包按捐赠发票计价；文具套装按市场价估值', 0, 0, 660000, '书包 60 个; 文具套装 60 套');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 39, 'cuizhai', '2024-09-02', '2025-01-15T01:00:39+00:00', 'goods_distributed', '困境儿童', 'FF-LSR-2024-01', '', '李善仁村及周边困境儿童45人', '开学助学礼包', '陈晓', 'signed off by 李春梅', 0, 0, -360000, '书包 45 个');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 40, 'cuizhai', '2024-09-02', '2025-01-15T01:00:40+00:00', 'goods_distributed', '困境儿童', 'FF-LSR-2024-02', '', '李善仁村及周边困境儿童45人', '开学助学礼包', '陈晓', 'signed off by 李春梅', 0, 0, -135000, '文具套装 45 套');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-wanghe', 41, 'cuizhai', '2024-09-10', '2025-01-15T01:00:41+00:00', 'donation', '助老', 'SX2024-0016', '', '', '', '陈晓', '', 200000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-wanghe', 42, 'cuizhai', '2024-09-23', '2025-01-15T01:00:42+00:00', 'requested', '助老', 'SQ-WH-2024-02', '', '王河村幸福食堂', '助老食堂第三季度餐费补贴', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 43, 'cuizhai', '2024-09-24', '2025-01-15T01:00:43+00:00', 'requested', '', 'SQ-LSR-2024-02', '', '济南明德印务有限公司', '《故乡痕》村史故事汇编印刷', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-wanghe', 44, 'cuizhai', '2024-09-25', '2025-01-15T01:00:44+00:00', 'approved', '助老', 'SQ-WH-2024-02', '', '', '', '王桂兰', '', 0, 180000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-wanghe', 45, 'cuizhai', '2024-09-26', '2025-01-15T01:00:45+00:00', 'publicized', '', 'SQ-WH-2024-02', '', '', '', '陈晓', '公示 王河村公示〔2024〕1号 2024-09-26..2024-10-02', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 46, 'cuizhai', '2024-09-27', '2025-01-15T01:00:46+00:00', 'approved', '', 'SQ-LSR-2024-02', '', '', '', '李长海', '', 0, 120000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 47, 'cuizhai', '2024-09-28', '2025-01-15T01:00:47+00:00', 'publicized', '', 'SQ-LSR-2024-02', '', '', '', '陈晓', '公示 李善仁村公示〔2024〕2号 2024-09-28..2024-10-04', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-wanghe', 48, 'cuizhai', '2024-10-08', '2025-01-15T01:00:48+00:00', 'paid', '助老', 'SQ-WH-2024-02', 'PZ-2024-103', '王河村幸福食堂', '助老食堂第三季度餐费补贴', '周敏', '', -180000, -180000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-lishanren', 49, 'cuizhai', '2024-10-08', '2025-01-15T01:00:49+00:00', 'paid', '', 'SQ-LSR-2024-02', 'PZ-2024-104', '济南明德印务有限公司', '《故乡痕》村史故事汇编印刷', '周敏', '', -120000, -120000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 50, 'cuizhai', '2024-10-08', '2025-01-15T01:00:50+00:00', 'requested', '助老', 'SQ-CZ-2024-02', '', '济南齐鲁惠民超市', '重阳节高龄老人慰问品', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 51, 'cuizhai', '2024-10-09', '2025-01-15T01:00:51+00:00', 'approved', '助老', 'SQ-CZ-2024-02', '', '', '', '崔秀英', '', 0, 150000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 52, 'cuizhai', '2024-10-09', '2025-01-15T01:00:52+00:00', 'publicized', '', 'SQ-CZ-2024-02', '', '', '', '陈晓', '公示 崔寨村公示〔2024〕2号 2024-10-09..2024-10-15', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 53, 'cuizhai', '2024-10-16', '2025-01-15T01:00:53+00:00', 'paid', '助老', 'SQ-CZ-2024-02', 'PZ-2024-109', '济南齐鲁惠民超市', '重阳节高龄老人慰问品', '周敏', '', -150000, -150000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 54, 'cuizhai', '2024-10-21', '2025-01-15T01:00:54+00:00', 'donation', '', 'SX2024-0017', '', '', '', '陈晓', '', 100000, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 55, 'cuizhai', '2024-10-22', '2025-01-15T01:00:55+00:00', 'requested', '', 'SQ-QN-2024-02', '', '清宁村便民超市', '秋季邻里运动会奖品', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 56, 'cuizhai', '2024-10-24', '2025-01-15T01:00:56+00:00', 'approved', '', 'SQ-QN-2024-02', '', '', '', '刘玉芳', '', 0, 60000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-qingning', 57, 'cuizhai', '2024-10-30', '2025-01-15T01:00:57+00:00', 'cancelled', '', 'SQ-QN-2024-02', '', '', '', '刘洋', '运动会因连续降雨取消，申请撤回', 0, -60000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 58, 'cuizhai', '2024-11-04', '2025-01-15T01:00:58+00:00', 'requested', '', 'SQ-CZ-2024-03', '', '济南惠邦广告制作部', '“崔寨有声”社区公益集市物料', '刘洋', '', 0, 0, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 59, 'cuizhai', '2024-11-06', '2025-01-15T01:00:59+00:00', 'approved', '', 'SQ-CZ-2024-03', '', '', '', '崔建国', '', 0, 200000, 0, '');
INSERT INTO golden_legacy_keyed.fund_entries VALUES ('cz-cuizhai', 60, 'cuizhai', '2024-12-20', '2025-01-15T01:01:00+00:00', 'publicized', '', 'SQ-CZ-2024-03', '', '', '', '陈晓', '公示 崔寨村公示〔2024〕3号 2024-12-20..2024-12-27', 0, 0, 0, '');


--
-- Data for Name: fund_goods; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.fund_goods VALUES ('cz-cuizhai', '大米(10kg)', '袋', '助老', 'cuizhai', 10, 60000);
INSERT INTO golden_legacy_keyed.fund_goods VALUES ('cz-cuizhai', '食用油(5L)', '桶', '助老', 'cuizhai', 10, 70000);
INSERT INTO golden_legacy_keyed.fund_goods VALUES ('cz-qingning', '儿童图书', '本', '', 'cuizhai', 120, 0);
INSERT INTO golden_legacy_keyed.fund_goods VALUES ('cz-lishanren', '书包', '个', '困境儿童', 'cuizhai', 15, 120000);
INSERT INTO golden_legacy_keyed.fund_goods VALUES ('cz-lishanren', '文具套装', '套', '困境儿童', 'cuizhai', 15, 45000);


--
-- Data for Name: funds; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.funds VALUES ('cz-cuizhai', 'cuizhai', '崔寨村', '崔寨村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 650000, 520000);
INSERT INTO golden_legacy_keyed.funds VALUES ('cz-lishanren', 'cuizhai', '李善仁村', '李善仁村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 660000, 495000);
INSERT INTO golden_legacy_keyed.funds VALUES ('cz-wanghe', 'cuizhai', '王河村', '王河村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 0, 0);
INSERT INTO golden_legacy_keyed.funds VALUES ('cz-qingning', 'cuizhai', '清宁村', '清宁村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 0, 0);


--
-- Data for Name: sgzledger_events; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 1, 'FundOpened.v1', '\x14b5a1748699929e3137456842facd60853f574ecf96771fc73b7bfa76f9e12c4102c5b0934287efb11c2c20cc336f3eb63d1b7e4298c090ad7f7286e3c6cfcaeeeb91bf2adc86f942d2fd3703237d2b98a47db06b2dd8529d32695a3d2257cea4d0ccd5c055ebf87028c180f15186eb811d5e16d4986c1ebac60204079276b9ca6f21b4e6f5b5095e7bafe827a5f316410b621cfacce7f14f626c257b84295d4140060c9d90cb13de0ff207d510ba38b83bc8fa3c6968e848a4e908823f4b4c4ec4e99c7585d0003cef40da42b1e985975fac3368bd73928e5cf1aa149be90930e3de9cc4bb268bd3c3534779004bad5d6ace14953b8c9147a907cb5d2eacca1d696a61304a9fed585fdfacc76ebb38875159752b5a0db3508eab74a174c327c73c2eb62f16689e24b7908040d6dfa7c26cda825a784254240205271908', 1);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 1, 'FundOpened.v1', '\x303408b9f96063766f3c135d9c785c903c0aa7c00f5307fa01032206db348bca7a2de31c2e7f89cab04a654c9b93fc33e425b438d842244ba585c3cf9cb437c3c4fbea4711d0f1dc6e9cd4ec0f11963da902af86f2cdc74ca5a4907046695c8f17b27aa0fb8b6eb35255715ea72bc22161d77a9358cd23cd57f775c33347744367780bec0c0283deb9c474be0deb6466834b836236916bd6b954da870a2b3e6f9ea356c3da9e9fb8755a90d591c718a2f238f2a27d731fd939d92d6a7f1f64beabf2872e8b213b5aee5eafea9a819153acf3eeeb03c54c7f426daf0cd38ad87bb457b3bb53e10c3be023daa62c5fc9cb94582723e75752b74339bda262316e6038a5d1508d27468eb5893509e68348e2c023dbc637053db9462e9e02446b5aec1e13d4a9988d3e43906737e973287fe6e7a91a527ebddb4ac7fbb36bcb8b888c5a849dffd014', 2);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 1, 'FundOpened.v1', '\x69b5af09c59e9fca97b6504ef03e6323b75217ffc5061dcd9c96fb17e6c46c8fa17a1ec88b0039ab3da1dc329b24ef8bcd1a1b0fc6d0d02ddc30f83cfbb87b7f23e8a46ffdf76169b82e1cb8e589eef0a567feedc192f941e54a5e947a9dd9fbc2a9d84cb9da657f9f31715e687e38ec8d6fcaeeb0e4933a6c3f1177f3990d0c85d2d17396396b1e95f36026c3293fd4fb048d23c48b97fd0947f751258d436a8d9b33b45e6ed0cf9cd9a67f5809eef38352b60bfde91976628d25c52dd4dffce870a675c940bdef338ca1c1465a5917335bf50ff8e35f18c911b2316f621c82640c45d3ad85c8aba827c9688259b608119ed425e107a691fb91ac5de76cd9c05d3e19a939c6c4ab06848c93505bb3f3d7d21b9cc79d4fab6ebd476f3584ab2b4857492b868ef0b1d131cccce942cf6c18b17751152309114c67a0eca0', 3);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 1, 'FundOpened.v1', '\xa7793897f1c140cfa18f9ce5d38626be8bfb8ed51c539a9efb34d1a5a52ab67cf497b85ff721759b6950facf1551e8d1ead53f7661ddcc7d48c8b8491e04d6bb5a539ffc7c9ecb20b5f6754b7fa5575c6a882b713f9789a2084ca6b2593da738a93d696841f3355878dbdb24fe9e65065eb00fb9bd3e7b69a7750aedf6f94ab20e27f3efb6b5cea3ae381fcc10a91f1764606e4d7dc1e17967b967929279d466266b5cd59df700300f12f39f2b682dd89e91e0be61f82c505e949367ecd10fae4272ada1a5cb9e5985cfc26fd819a39b3c04d6314026eb20140c788b2c03952deb36fdd6225c33546fe6ff3f6cb304f57822fce427737d4e8e9601c2a58090781aa37d7ac0ce3fb2ef03c039513346fce5c7fcde6d82765c4f3a03def97544b34cfc770c5422d8e4626418476bb81b85183092943db19b42fd41d398e10ecc', 4);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 2, 'CashDonationReceived.v1', '\xc03bfd8e878869a4431f3db6407ca7f06de289cbe96674222dc5745714970528b9632749a1e583807379e57d4f9c3580971d8da5c2ec750b55d12e05ceba2e25ea377bad16bc21fbb7285083abc26ad74bccd66a828537188fe6dc2283b3715fb1e591effef71c71b15bfc9c94a8e696d35329840b5acc36a8c4af41491a42e8a01cbfcdf33c9d5a881280fa35b1138d488b3509d38d53307d0b3f9a1c32bdf8c8e01f12e1de921f9e2e8ffd05baa33b91b44172c260ac80a7379dca53f293795b3af2afb0deef8d8514762f1ea876d9d037461e632dd793646055734d475ae5044d14393ea09599ae940722dddd10ad5a463c078522e523e7150b7744b52edc739c4a0119934c0f379367', 5);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 3, 'InKindDonationReceived.v1', '\x062a51a65d872c2ce6ab7757677f92d19c1041d26b6a2cc98c74981f90b11228c5f563b6821956138e679f63b6965ca82ee73689ed2046e57fe820901975253f2eb612bd9e8bc348bd23c45ab54875db56682da17aa3b18217059f56c2ba4d7f03249a899a00ce1f6d28bdbd107068006d3527f7fb5dc91946edbdb5d47cb1eb5c0a439d34c67a87b5d3488cb3f718d6a3a52d23f589bdd20d5aa0cbc4ab90ca6ce6d9e90c2fa57a78a30ff5d1df1f194646ee0855a3b0eba2c3e84fa1fe90f7428d13c7e5f1d2063596a32eefa855ad9ba73d00a3e2a587868b27b37debf005df84d47d48fef15e6267dc48b111519162310a4005482a6f1f7c902e7cfc0fda94764c64bb7ea752ac6f4c3be4dba69837b005fa815c14c518b862db76cd33f7f296684690230311df90bcafe0d3c755076327628cda5d9b976d8f5c3c7beaca7618d7404628f24b53703cf9206eaac59e9d684de5e35359df2c2582b49282647351f5d40652bbea024fc779c2b2d2203b61c0c0c76fc6905ee76c62644d3d74609bff8b1f749fac145b01fd3dad5568eeeaf9744311f09fc126165a175131b4c3a1ea4ba1dc72fa1e9b067e5065', 6);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 2, 'CashDonationReceived.v1', '\x058d330514804952470c36e6a4c9cda67b42e4e77f3fa518d16a2fbd5202fbe42aa0d4144a8d4dc744b5185764f57d2761a7701cc96f029c363ef3c34a1663c9b1d4eb216baa5e6cc0855331a6831c9ec7c8092613c2c3e90f42c5c1fc7d572246ffa9a1b43b223946283d669c664b469bd2728ede96e1d2b6863afa586b6e1986b274a1429e43686ecda33e57eef993df37f2683829e86cf9af203f31be37453fe80f81a19515ce0ba1ed06e392773b4214801695072814c7fd7b74f20b51b03f93ffe920563c5c657166fa3bb0187a10c0744202fa6655c909819791e70bd2589e48708e0ad798e7d196a92274e75d1b15fcac12df131a', 7);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 4, 'GoodsDistributed.v1', '\x878e91a23054d2d435764bc01bd8dedcc23e6b7a64ab913f1b82b8f5ac0d25ce94ec9287b6cb52a5ea536882293d7a14df76d8f57e0b55da4bcc79d105c670d042ca1199cf59cdc26826e69e86414d5b2e95d66c44a222cfd687ba2369cca385d4d93a505fd08a5257c9a61b0d3a3caeaa1f877df4a039de9ca82db97a4cc78b747377cf2e880c2827ae690958020116923a5f5a3de6925ab96797f59c8ed7a88aea6324c9ee9f0ca4cf6096114550b5d58f1c27e61bb5454c4d7d55d058737e7898ad917287bbc1985085421dc449c3323d138e978f2fc738ac0fb52628572dfd92e8546dda768172f9f69758fd71e0ef7a068bc00b169fd9c7403d4a558554c6db978594080f92f22d0b0ce4b9dcabb8673d4c3d9c24d6a59afbb2ffa15c180a34668d499f0bb21b0e0b7dfd9b78176df130ac131eb6051ebb9491e75273e60d1b20abf4d73897e0c2598096eed89e5b8b10a2a1972a94db9c0936658bbf0cd958', 8);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 5, 'GoodsDistributed.v1', '\xe7099cee214d904cb3d643e55750c92681bc347160c7c3fbdba41fc07f8f6e3aa9a799e6b52b9f0710edacba5e08a4e9a895ee2ab5dd89c08cad6b2991fc4f973c659ce32e59ca723cef4a866dd92d01650c1e0f80fd34db2493ed4d2f9f708d43e37f2cb4b33135b77368ebf27be720d22f811e0dc971e9d8939847e80b253d5d525862b9ac0f60e7f78fe39afba0b63a585faba885e6eb849d37e118e67cd2af5088f29107513209d1b40234d1aacdbf520a2d389383847c422b87a9adcb255766fe192617ee6d06074690fd4d5ddc0c077f21909c6bedd70eea99b704cffdd4a748ee41773348e02470015356b2a467648e057a93648665f130858899b2700f11628a03590f0db6f723c927dcbd7118649b7a953e12996e7556fe0113ab1631f802df90159a79f84d20995574708abdd8e4203038ce834f268998c6eec777e547b495caf006b11e655fa5e7aa3984e34beb513841169b83efc1594855ae45efd3f1', 9);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 2, 'CashDonationReceived.v1', '\x610e232dae1ffdee564a045e370954f2df606ca362588aa40bcf8b1233fc26fb5c7cf47095cd1bbc87421f2a473f28d55670f17759b50ed595d244fb5f379f03c9f2e098af2a522204a91429ef4fe7d10f79f9348d5edfe6da8dc666c4adf19bf45566a760c61a314a6832b28cc7b6be7a7b5cf31ce9871598ffe4b5d3b62914aeaeb0dd97d259deb98d4324bd43fbf7e20c97c8a9c8427e687952662174bcfc0fb8a12bc94a61fb61278fb65faa4ff24ea976f89e8355e185417f98280ee67436611c4d4a9e9a0cc6d2550073030fdfb1f05e0a803280171032c5f95e8bd8279c8e39b8d63f91a41712d67dbffa3398d698a901932e16b83d8ea6865ebc692d1fdd6ea7', 10);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 6, 'CashDonationReceived.v1', '\xb084f47cddeeff7067a782339f25575cc1320364918fd20570ee8b60980158df1260b3aad9e00689611c4869f27d858381ad2c481656bfd4ac155f9fa3027ff07f8b668ed798c1b9fd55e3f3b58bad6739f2458df0619ef24110f2305a49a9a538619057da5472b89a4f111248582366f8bf91fd3d90c49c6b8477f03cd428bc2c76eb77e39d72c6515f49f7fcca6e7d3e6f083c57ed3bc364f53bb0ebc16f11579fe830ed5fa4b80fa39e4d6aacda3303c15dcf3687d2d5bf3e4807fab7214fe39d14c4f680796b66d06f7f07357063dec4d1611e166a08fddbf350ed00cc0102704ab911aa18f2441f3405ce7602457823', 11);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 7, 'DisbursementRequested.v1', '\xd514c1b35ffc5acf9c84e09b67d96dd4552f916f6f94168dc0f05f11a78f486cb84efbf71292f77966e0272eb1cd0a8cd28d2fe16dcf0fdb233b10e2eedd8b237298eeb6231ec8727c2bdd9b9abbf667548d1422353b65865656a7be79e009b2304a767f53b3f71b18a03e1551c84ee4258391d7f98949cfe9cf5f2ce07ff7f74aeeca18dd6e42344ded57310b5d8098e5263b6c6ff101eaeb16f66d2d078ca28207ed55bc9bd83165427639b6c0fe40a709c02596090bff075643b00a4340fda316cbdfc5723840191467815a9911b436c12ddebdf7ee76b56f9cbeae598c457d68b028592b580eaa972d9926965eed9d18d6356a21d0705cdcd806675e9e23e5d0e354ec7783af449b3b101ec666d6e9cba46334629ea372391b3927c5a7722ebf98a7b99741373524c68e59795b5c9210a3d04f93a9d71d65dda4', 12);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 8, 'DisbursementApproved.v1', '\xcd2c2a5141be5717c161b7ac775f1f812c6b891d693347b4c2c697593c8dc9fa0817f0d3ce3d5480929d5a5379963efc1dd4069f1bae8413582824931caad9707886e46ed1ebe44b8bcd42608b434574430f4bfb8854ae8852a83ba3f43e6df4cad3101c49def5ffe0dd1663ef2af22eb427c757a30cd15e19dc1c3ec33dea61f1dec51c67863c8909f8baaf9cbfed4e818c418ee3bc451f00c730141634a868dd4542ee88b9687e6bacd942ac70d3d42fdc791278a2d6322a1bd256fd6038d98b3c7c1f71948b8479044a52e9ef7c93d91e7444ea036d06b1e61511', 13);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 9, 'CashDonationReceived.v1', '\xbc44b81ebb7612397258a4c0270bd1c4810477d7517a3d19cadde529419ea1fc19068972e43aaa7ace3012836773ec3f469ee8292b53a757570c3291b7ecf689f78f43e4c5e43d8401ca75db068535e82143a6f7f35e85d10cdd4432fcce98301ae25c432f1155fdd61f15703127f5c10b411f08d7ac4d4f76f0a5c403932265f7305a69592f8a2b7eaa72abaf4eb3822f6aa45729e95cb7689d815ec0448c750adaab1b2d542ddf77efb1b22aee1759e8bc65fafcd05051e5bec5305f7e071f33454800ee37bd2c27d39fb1cef4eec02f644a67623c83ded4c22e20753637ed16bb4939', 14);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 10, 'DisbursementApproved.v1', '\x10891f4d2f63d6d77cdc5b6c4842552dbcf320b1ab9ca9dea85bd57599aae8b534463c4eb5bdc055d23b8be7f068d1de6b5e7d60a4157a12f5d5f35cfff121942862539fbb06723366219e16d717b7d77e0f9fadc444e6b866e807aaf3c44bdbb771130d112e241899bf48452807a91f25ead47103626d3de06b1cb2a53c99bf41ac50a51c0d58b2512969dcd0c8d18e75fa20c440ef779f2181f39f8f530631abcdea41934c32615251d747f14dcabeed6220d4e9f5bccf77ede8392a189a88683fafd3956de73e768c89d5855b16d60fb1f268bba282c81d7f2403b9a4b4a9', 15);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 11, 'DisbursementPublicized.v1', '\x42c0d09091d6f47e850c0182f5e69921faea98a579ad62997d3a0184e878072ef80dd9995919d69616c00e5bccd40413f3e22736fec43ace443f1521cdb2ff597ddfcb217421c7614134c7bedde30eb30a29584cb0bb1b7d48b0e70477631ea6df863d772ccad376be3392585bacf8dc8edbad58a8e0e6126fd78f9513669f2918d806367e28f081eaab914e0f810d2a9ea3201717e0a5655c7d553d21e22674e7e3dd417bbe2c70dcb1f2896d83e49be819a45fd6cfcbd28679bbe4a67d49db2af791c0e15c561e246c9fd70daa66cd2914f76f45cde66da850e42a2eb17d96b65ee95e4f5f42260839ca94e482efa5af67353a17ebae272ce261e4ab02776890ef97186c61e249c05082796c9151', 16);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 3, 'CashDonationReceived.v1', '\x4a3dfdcd423b443b164daefcac3969271a638fb4418fe3edaf989f7c9bc7508e2f7caa9712b411127be8cb572195404481dbd5738385862ef11a0018d629e845487eda0eb477364a6d497f508c8592e068013b0043efdb87e15fd3fd8e2a4dc5728c4502c4773dad160757e86cc801d9c10c81122fd216ccf718d24490d213e7a17420085b952e68c0fefa4fecdb2efa8a4bd66f83e39b6aece6228773a44fc6237f7df17367784c280e023d503051fe83bb382fd14c548d0cc346dbf9458393883e1f526ff56b7ec6a32aed0045dc40ea584eac84a1882ef1d8c66c93652badd28ceb0759ff1b6657be45953e', 17);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 12, 'DisbursementPaid.v1', '\x2cb7e232c810b92a32f1ea2f1a810bc260fd51a3a74e4094ae445969f1f25d4180d3cceb4ced380c70876b62aaf81d24db7cd8fb1c29e0ae164f6ab98722a7c929bde310e27c5f0c8c5d90eac5152555c8157fa597c29d7e86fe9f394608aac59eee10eab7d9430c137c55bf49c63d2f183c4a0f659b5cb808042880a0af8486bfdb0bb19a9f7034353e6f13ef2e60e4e8f1ccd25d11786bf07e76ef06076acffc935b03a57291fa4ee027b519e869f6e0c078f7c695132b490996e23ccc84406939aed97edc63b321b10249a3a709495948d10cb2d07b3e5f7b3cb061f5b810ab6e15d0006aa8ac28cda07b0b77113ef0524f7ec47813a528d9eae37287ff89c9d93118a19f83857ad62a7e11cf55bbb795183e77b16a3097e3e742e5e987bda696dd28bce50493681bb7e0b5d5089f25778867821efa933608e4d1ea0c49e965ae970b63879dc324917e10bf7c', 18);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 2, 'CashDonationReceived.v1', '\xcb6cad45584648a95e89ce97ed3348e46521f2fe86f84f3a02a2c058d1fc4c1a68cddffdd1e5c202853abd4b1b70a62d5bf4bd962d1b8a61131960f3727dc3767e25ab27b4bf1a2b1565e3a11e2a689610d07b9bb3ab0fc13dca4fa28c4a023fbac39f89feaafa89fc0262623c75f108bbf684248ebe8d6cdb72d0632adabec41c37e89c5b241412dcdb3928872081ca2829bd95ce4adf9d9ff7e1bee9af2a92762246f436925d021276970f047799ef814e819758b08b55d41fcc871539eae1cb01f680109b6be02bd282abcb8c35ef77afd67cc7a1fb17b56af5a4abf48685eeb4f00504727278562f237dc58288bb2eb67866e01a3df4f2b281669cf07322eb4734fb128e52b3ce9d00b2539c96bb6543531c1b00d0809b09e7499c', 19);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 13, 'CashDonationReceived.v1', '\x43404511b3d88edbd196e32dbb1869681294a162e72e908fbca9b29bacfd22b5a78935b88a4ce61e0aa5940e97e006b5dd237d0a4602085c47489c6956f54297a8cf2bab21a75c9f9f06f0b8dcf2310a2c068cd6345ef114a41e0cf857b755e10a303a712e4bd7e1ea8a57b0ec8f6f1f59cf915e98a861b6076c950cc81829612146ed65b6e47abd29c3fc44770e66c32a07ed93847060e114a20d24ff6b67fdca83861526516fc5b741ec5479173a00b48ee2f4dd57312e5a940a069a24ad0ee3c25db8c0db0c12826310c65f1b2313615d0d3bb1744ba0376549b75a7ad5fb2e197cd3cd13da83e24456975c8cf7', 20);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 3, 'CashDonationReceived.v1', '\x1c32b49d55faed774ba2b35be9ed80e89c3881ab615540b29f4d7c31515240413a9b45c957d0a23ac3969464ea2e6cadcfef9296c4a6726f8c489c0972bd1be2c471fccf7773cf125317a106c0d71bc4866cfe21d3c6e5d3a3674e834ab7c31ca97c7c2231a7320cb8b698f5d8a634d94a1a5d2474c138d6c8aa35f648e5dffafe993e70eb8055b9068b8e905211f56aed0c02c1516143f9605ebd4611408a740ee9c0c153d6b8572f293bc6c47c265456f271ca29f5042865891f783bd67c0abd87745b1c911f19c63895305f5465bc1c68c9db62e301cf6edfd934532a58dec58ed6c4c8f419', 21);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 14, 'CashDonationReceived.v1', '\x840236e10497dde86e5220c3e5bc202ea3b247538fd25e85d82a8b248e6d546cb9c9febe5b2df54513f5d4f2851ac2514d5b2ac5040b8f0a3c6fead6c0daee9e7a56969e5d7e3e69e2a891ff2bd6cf05229039d79e5f94bcb2edf9a72cc75e9d7ee6606c63c9ee178b5d3b8c6413d7479b028adc19cf13c94beece6cc41f4c24f2794eee7f5c88c1aa02557bc87c3ec1454f856d5139c0128201374ed18bbb76e7cf74986bfc9456191c70b545ed2fc3725e079b9d94da96070ff991c6159bb89e2a80eea5a6710d23ae912f0d28c0580245d53b0d550112e2806beec91a4cf13a48e0c50d0cb52876797f57c21cdef2bda6298cd71aff5e9ce2453126d4', 22);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 3, 'CashDonationReceived.v1', '\x16dd90301d6512423f12d9dee731d4fef06f98bc65d26321d8d3f77186ae2309c38a4e3e7758b85650f65de01b959d72ea5a40ab9e35523c98393c339f1f59d4205ca685a78eea457deec2d7e15679d2f8b5e9367ba8bf20da6e2926cc5682330e251cd8a16324f9e8440309aaa7a16b2fe5b00d34c31c1141932e37ccf2372fe5086170f18b79ca46f03f5e0776658aba158edab6882a475a27969cb8f58b3e0ebbb522f4b00ce7a41d7b19b8c3c708d6868f0d67e470331573f803653f417066856b23f6252c17e0ce525dee3a952fe40e35ce3df124a88681f85e678c5f387f4534d9d32815061d8abe7e', 28);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 9, 'DisbursementPaid.v1', '\x809fd2280826ed0e1ba6cc0ff5d8ce45cc47bfab6a1baeb99960ffdabe713a7dcccb50fdf5062eb01a4ed43518fb3ced5f175f72c7c1d28d5ac653cb5cbe6f87d742a0260bf74b6ee40d819dc7f062c385d55b63422ba957f164e50f01556936ad246c2fd0e66a0ba37bd0f01c600a5215590d1d090e9a492fc98d0da8fbef35f5ce7e81c06fcabf40f1be576535e66d57c7cba612f03039dbac19d15f6967d780e57a2ab467f6c3e650f47c0a6927bad6499a6de480037a65a37aaef9f46f40c3b5359013442f8f932101731873e3a6a9e06bb4ba77dd147b4393c43d2d12002f8e466c1f036860fdd687d3109cb8e778ce68affba20f5248740e29d44016f8e316969ad15f2cf78caf8b588416e6049ef5e832a23d6f92ee43fba2d04100a1c0bb43c1e0ec10575df14c9fa82bb669e292d21e15286c033f8c9bba722a91811267187b752036253cce2bec4be0c74756996a1a', 34);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 12, 'GoodsDistributed.v1', '\xc2cb7517f1c02ae7fa12585ad47375aec46d9462042bde996e5dcdf318593d69dab33d0460645b43e9ab36125cceadfa0c9bf24c957210c8e15a226cfed0f7450f3290e60701a86353e95b15a1cff5f8d89366cd32ede1d54365aa1f0778742f9bbaf78c2af925f4d80c94f0646272ec6aad0f60393c00e5a1141be87584d986431910e0c569517ccb7753b3114c3d6e9d4c7daab802daaee00963c38c6e20d5f9a27a980deb5d72ea36d6fd226539a82e82232deaf784345d8d4252583d3a2eb28657759f65f4470ba57648d23189248c6a81381bededb4eacc8d88bfe27241df18d2d72467c9fdd9e1c406c02b7b488e44eae975719aa36128ef1055ba4624e268755102870c6a42b040a7017418e6c655a1c8d0625822690e0e266759604f63cee78e174bfb190dd63bb2bd4ab0eb6d29a44e68d012c41c8e22602f36b365b1bb5fc4f694d90c21eb852f12f58e3ab54c5b60c0757e67586a32b23e2039bcb8ccca2544656e7035c6a8c6', 40);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 14, 'DisbursementApproved.v1', '\x8895be4dca751d1e359854832b4f38d41592037c7687989d3a946dd44f08c45a0370ef98b631cb061490b0b585699f26f5ce2f5c5528954a27110e81227e7ef19de3bb45f4c1b2099ee6b3a34667d49fdff41e810bc1adf36c5c91050d500d021fbb37b1a6c2737ee5264df0db0a6f265b63023381704d3cbffa04572933838c54b9d56601d9bde14900cf372911af63cd62cf8cabb3d56e16e16524c6b4fda3272d5c4414f023651c743df36a19f64b9fa785e936c06a64e615741b4a8f9f381af6561999a1f9b99c6b725e93b6bf6f9d71b450d76d369e27e575', 46);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 18, 'DisbursementPublicized.v1', '\x68811e83f150d3d9db245b80dc702a708fadac0cab5a9ade09d54e1a34040962f2a61884019242b599562eee42086c0a10b44b0bdfeb8fc6f951020bae0bab39c3efc8b831dd7ab1cb80a180186f8fb243cc13f364a021bd20fd2a8dc71c27d4e0539f3e9b643876bd681a8ef57aa60c68030116f19a49156c78b038db83a1d0058d011646596d1ebe410e20b8638902ded98475a9be78edaf912aa66cd28b731acd0e6aa6c33a4f34329cfd6ca79b6b0dd398e3c8cdd02285a50ae1c6a0e8f43c1338fc25a73f3035ad4d94685c786c66c33c8771ca49c8ac5e4f0cd25a30e54d2f9b8c60dd1bcd7c2fa9aa5d133a56189aa3638183e05fa7dfc56dcbf761b9c4d203161cd2d2e4188e2243169a16', 52);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 20, 'DisbursementRequested.v1', '\xe7247007c2dfc186af7f833e60367ef0881ee36f8e9f6d978ea7c36d06c7a5fed4aafd46812e87ff43d7f41d6cac1456908d7c25e8f5bd6ba105e7e9c52d972b403434c9d57ab395d998951ee8d520b663c1e0602c9cb24f3511964ba6eb6f9279125a447cef4b38bb6bde68f20a99369ca3650acae6c66524dc14bdd3221072cd0f05b8926434717d6b4388c8b67613126d6086cde34154ac91251eab325ce4118921e0d6cbfaf9e58ef5f3fe0537485e8e1c6dbc3c63b71e54d8a96a59100834bf80657e8e1ef09c5f1de01da6fca615d5c80e3b37503fbc98216292ad02e3d1a47b809a9f394024a7b1f4f474ed0657bad9d3baf2914d3e1f20718cb962f30cac19b6bd49ae1177a55c9a6e80ea70cab98f3a8052cb77d52220620b095aadd5230ab87913cf5fd59b81bc', 58);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 4, 'ServiceApproved.v1', '\xacaab438794efa993aa8bd26377f4a41abaea72171d0c1f4c99ae6b6330248ae22a73cb5fbbab64b91f6b1ac4199b0bd47d8a2f9abaabbc15634d2c560f991250c6a8bdb8847c79f5137f349c928c9e1c81183474abb864fb437047fe058a2928919ccf6379162187b483521bf9ec6e3a57e9702ad5ffeddd854af521cd35a277ee5fb1c3166255f8dc840c056e6dfffd03e5b22fb8099df88f946636a186d93c4d6c6599b7bc428e1577898bf8198cd9ec1927b8d48', 75);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 5, 'ServiceVoided.v1', '\x5964e7f94157a84194e28ce884695c57d184cec3bab0802430392069f8c046582260a1c4a9e30453ace7f49630f9727da31408437ffcdf41f3384937743b6a34ba3110f349fe33ac40e653f5f85dbdd2ac9ed3927d0ee81d602b0d5fa02c6ee0f53d43588a54d89b30eda5c57eb02a4c2f80544ad270907f964a748107428e0b88c5993b949c34141300cc017aac0c7f5b21557b4a45fb1bc3f7cfbeff1e8d1504ebd34c8a2f9b8d7232984f8d5eaccb45ebbd34e6583fd6b34c090b4bb7541c88634dd2672b1a', 79);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 8, 'HoursRedeemed.v1', '\x7062bf9c0839b79702e6ed156836afc39b35f8b4a2568b6fd962bb585eee6bcc27b38ac0cb7bc5fd32f485766b0ffcc3b26ddad8b681d79f70f4ee79e544cfbeb73b3be08120518926e88605924962c6e100cd3f434e59d186c6b7e3cf8a5bd7bcb77205794579a2480bc0602393ae24cc1905047b11fc19b543b541be24a5b76325afe0689cf8f638eaed5b8036ca5b4ce39e754ab58fcfe8d53de17121ceb79e5555cbafbebf7b6ba2ca8c6855d7743355a710d3bb55933c050ce920b25f88df4ab9953981cdb50aaf4ad2614edc1433476ab8a4712ad1aa962300c2dd0b2e588a31597339cf0e271abb028a046c06c5e876d8a5539ffedba6344ad86372', 82);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 4, 'DisbursementRequested.v1', '\x98c16cf53262dc8045be02e9284a13a65a826645abd58587e0a82b8d52be01b605ccbef7677a8156507d6a54082c1cce366a1ab8f4d8b2fec47b9f768b336e2be67e39ffe7d75d223357393ced043381a24d45894fdb94a03e00136bbb44b6cc3eb17115e5121e9eb55494092c43ddf41df41c35af3e56b259390a54000e12dc39be671d181c6e25b0c35263363b0bf6d062391b0b2321ebe2fb5013e8e81a75a66bffe8332cf2fd81f8510c8a8d983e4d380d67cdd7ce77acef81692776ee858bd8adad0ccf868ca372ddc3ec66ee55ed706f3e7e388b7cf8472cf2a8be2ccd329056566ea9a6949468d3fa1a283d254d86f8c01b0cc91399c5ed3ccb31ea386c20d1db2bec0d8fd2e5f5a76b019087d0354f81660c4d8589fe7671ad8ab4b282759ab8c8ebfe0c23c3757725fc23ea1472a1694eb8d768feabebfd591ed051301bc99c', 23);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 4, 'CashDonationReceived.v1', '\x4ecf40bcdcc86504d1aa4d844e2f88ca15b32e6249fb974db0ad9522e29d72478cdf3b5e03cf3d8090eef0804fb59aa83eaf71963307d89b9d84e3aa6a566a56d0882529a32b543778b58f61d93b190d6997b929e17d6996d9d70b6fd56d7197e84dd8c21cd57ff48355d42dfae36c2b9cdf9113146797c0493c48e3b217a5e30e5971ec205c9e975beb101baee73c1380fb29e15ced8e06ff0a7052f393f2fe109622876c9d08dbac15e35f94dc7b2ebdb36d7de4e1e4ac30f06acaac3aae7e1b6be81341d4e2ba87c0542f4485ead4e922365a2852bdb4dc93f82437e03ecd33db8a7632b1a3da2c1ec00d120c1e1072166dfc5d99b6d991eeb1a188384bd212fc790bbdb1be01bdc4', 29);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 4, 'DisbursementRequested.v1', '\x3de73c473cf0be43a4616d3ce1b4cef09c5fd68bc5708a18f5a2cce5617fad6746dcf7a834debb44040120d860b189c05f34a90f3158f3cbe96a9cb4709c491a54449dc0b96fb99332d580b6999857f9e8262e9ca63fd8aadc9113727f0eb9d631c69cde507612728bbe61325c8b099bcf9b7ce0cf913f8d36eb9cacd5e896b96fbbec3a19385cbb6cf3d95e3ac13927ccea26dd4303828cc57eb5b1e8b6ceaaba76d6228d59b7c070e8d4245d3943b662b4411921d4a3791809dad1213b96b4a156f1e50f1f055b14953b9b78af8519641f755ab6de82344fbb2938bd576e3848e46e7c070a2070bf5872b44effac89fe93b8cff1be63fe58011b745f468d55a9d1cb333a9eefc207c69f7b26c131524a3cf970007ca6fea4', 35);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 6, 'CashDonationReceived.v1', '\xd8288c98e63d4c46d0f6abbd0949133fe8af597d33aeef0cffdc6a344c4467fcebf91c54d05fd4b3a706e4107579820782fbc5c95dea20c73c00d870ac54745e93b2c491165be75632a89158b47297961746dced03de54e905e41ece2a1e15b8a1e6341cebb8e714237c4839654b0b05ae1c06bd0795f23f366138b34248579822fedc5ea6547010eab74df71e2a082a6c6691744bf45fc5f04ab398f5196a14fdfda18f21cfe02982d718b6bfcc3e61b109f99da543f807413b4d90d60ce7757b05ac472f2b5270af126b6a056c5f4b05825d04b6e50de8ec7bdaf7c908b646a0bf155e07bf', 41);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 15, 'DisbursementPublicized.v1', '\xcdbbac156eb5d141b8f90eb68282afe120a8ad134c76f3a7a809a45182cd709f3af73b5ed087429e7543aa614d3665d3271a43b3b1c606fcd636fa3e3688b9a85cfac99797f5ab26e596a6e27b876dc330ecd6ccf2dd0772ca5bb7173a2c54c2704cc631da3485d27482f1f9cdaf3c2deb40e8d5edf8bbede6c2338b1800c44e46aa1936630f8f6d12e7b824a43a0eb1a4acb62479703e9fc3b7a8a91b750d30dfeb23d645b3aaed28e1c0b0bd75e524c56abca72a0f0e9781ca0a1a557e5e240472a4e3502ddcb8e5a3ddb2a11f36771525b7de971dac630c91502b5a6746574a48d72b18a921eb433c0e053cf9c3caddc10dd007213ae29667c8ed80f08bd086d7df1be0d2d35c8873147c4758d7d5fba2fb7b', 47);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 19, 'DisbursementPaid.v1', '\x5509553e33fa969aa4dc009d511e1550ed129f9c7748e19917895b8526f2ef9dc6f7259fa660bf235051599e96d896bdd43514842e7eaf506b5bc8e0ed9ad5435f9d4ed3f0872dc7697d2b525f2fe617c71717908a7a7cb377752a74a00edf85db72e238883a1285b3690d8f3c3a02d18ddcf53a42549c4497444ed4b528cf5b3d6be4f96826a1c8e18e119fe41b37f42970360fa49fec032e7ab5cd77df1e766c676f61f839a3380f91a300cd18a54e2e717f44aa434085e70e796f707aff62d8c6d78784050bbf417cd51820af04d1510faad5488243d0d91d1cb5e791e844acbeac493bb34fd2cd549def348a50ce5703097974a1504fa64c6fe930913686dca3822a28bf7021108dfb330641c5493aede04712cbd9a147485377639f9cd31db2183b54e089eb33088beb9de23d623fd98160', 53);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 21, 'DisbursementApproved.v1', '\xe35a232ab63492752ccb33552abe1bcee2f9e7f1831ecc5979a49ea2bb32778d7ac62a5707306b156272a85170cbc9f30692baa7bb294d643e4be114d54f2c7aa231018af6b4afa539351267fea3276f3c1632b932729b7501ad2f0437d622397d2a14cb484b27f99113ef5c6c1cea7a1ddfda14ceba737372cce0b0960f1339d0c3ac899d323890b59a910390bc831d19b4a4b9bd3c82d3827cae5dd52a82e41347a21257bf691c36ef7fd6e5868dc1e5978c7deba0812e9d5dfcd58efaba5a44d4e298110b4b727f5a6fbb9f228b11ec89b62241d96865dafd', 59);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 5, 'DisbursementApproved.v1', '\x2a9cc77569d63cf981387e8ee7bdbdcafa20084b04b26b0292c2f7c0ceff23d933c359023da4b2787f43ba27427803c65dfab5752fe630ea1500286613b6aafd7ec11daea836a800ab2e4c13d3fea0a24aa798847664e161b823404e484ecacbc40a7e60665f9b091696d32f9b38cbfe75a4d9cee2b26077d97d682d0d721a059830436e8f8324f7d2aedc69c247f5243c760cfb4cc73fc98c397989945bf1c262233f95f12017d7436f6dc9a6fe201d10951f860d498241b8c72572588b778e7a187f123ce6abbd67fc361698546bc81f72d31ce37d36bc1dba23876eeb8fb6951bf7e6408de57912301fce3f94bbcbc97d', 24);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 5, 'DisbursementRequested.v1', '\x22628b20312d8916f88ffdfa64f0b4774ca34feb416de6d25a7fe58b3cfd346de48f7164d26e52481176acd52dda264ef290ba97360949f282ddecc8691148c998995a206a1997e2dee26701f9e841aa8873880497d34a8a4118ff545379c5fda324802ccaaf268aad480e1dc1947f321d5e7b9e82ce53644da803e66c6e950b5e244fbf7477bf81d6f2ea1653171874e2a381d3310abdb428432a7cfee685c8ed39ef742a2c94ca40a0d2da0f053985c4c546cd8dc52a9a469a4831cb964a00930aa2dccd87cded17ab082f5d4229437a50b0974b91d02c7782c2c7d27f6bfccb8143d7e418492d7d3bf1e0fbd23279e86a4345314683e75512dda005610a1f9d86e068c8ef8518d20f0c99d244ac5d6c6789878654293dff4961c7b978418b80400e894d9bc320bc94cbfaff565d2059815ba309d379368aeabcdeba9ca48a34fc', 30);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 5, 'DisbursementRejected.v1', '\xed4c3d14372fc944c2f5da9809f59a2d84a79914063ba60d488208de522fc5f6f0208dcf059e23aea17a64e278ebe84d87f367d64d6643683b79eee51b0b0d46212557fb79ddee7298d2bd4b1ad40077d7b55c7abddc0fd9ceb8369e4c16e9e89ee36d0982011b3e2e87973b05c36ddfa170a1d30859a48b11f25b4e8f71e9bbf8e50a5d0dd957bc1668e7bae596c81d216fcaec98a54fa8e86a1b71deb9fd0895ea7b5395a9f370ff271a591f6b9188ebde1a6345f33107289457c8812f5d2d359edf509bbf70e4e5e7a69e7521d13600a659dcf078d4b3674d2fca6d437bc2eed435505eafbb867fc079592940d87461eb1fb52952f59de50b185caea6a4bf13e12e6d6afb913646de82112661bab1da69ba64db64b62e1f49bc3e6e2a9e2933', 36);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 7, 'DisbursementRequested.v1', '\xb124af50511a60c538cd66c171b137ad84c5cdf742b5daae544a1316d36d5d96f2061b491b5c232236a776bc6ad23a30a60366e3fc8a2ae1c7fee4208e9993b1a6ce4f32e97ac0998e4210d14f01b536cd5eb5acefcd61fdb80b1a977e0d9f4ca5a73a91090edb337b235450af5ba4cb1e0d90c862835703c1cd4d074dab983b92e68b23d9f525a5784b1e3cfe5332ab23bc2f9c5174a98dd869e42a4ecec58465374ced3f618eefde7ce066a0a6723c76d8941a72aa9bd90dd4d24bc63646192f474d724188f57e48f08d9edabd705605b486529f525fbd4e5f0b2bf4406a1aabd224890db457c25aa3e49078dddb6816a53a842b102f242be42c36fe28fd5d7544579ce08ead60ba203c7d3b1af849406690a13c7ae1c7caeb05dfa54c97ca6b149c7ae79f', 42);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 10, 'DisbursementPaid.v1', '\xf79ef1d957917831987bfd585835f9cedd7b85505efb4578b1224d259a4594d9366f9508b08fe28e6ba7128303ca1d13cd69085d468aa05988c6921ba63187d3d0e0ea4148be6cfc934d60182cea0efab7c5bef3ae50f98aae4d09f308b319c74ef1beb02ef6d501a0f41386b23998cb34fcb130015595fb7d4c5a23f4f100e93bb113ed30a50911e7f0d76256a08694e4e9a7ff6944993610efb0d31ab7572712ee5e57f77e89e719f74897dc88a0873fe8c1ba478a9622a16fc85fc45e3a15d067f7e32edb15dfd7fa1bc95592bfed866159cd6afce9b2adc9593537ac6724e221cb141f8ea1a0872b49f2feb6e5efe9a9a4ff65ac969f3b64821610f633be7b5406b13a98289e58d4c953bba327af979a0cf5482746144726ab97b9e1f8182e00a8f23a99f43421876cc0471fcb243e97c1407cd35a94', 48);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 9, 'CashDonationReceived.v1', '\xfedf2e7494fc6919e22cb0a963280c06b1279a23339529dfc3b8550b9f0b1b2a9782f8cc701477885cca79c8cc37aa8da4799036eba407f4787fa02ae2538f988814bad1b96f9f88aff9730fa7c6712627f2ac5c1b23093dd52f3c0a9d2d6cfbc751627c3a4638cc332082d610e694ddb618fb5810d6eb9b07802f29e8cd2a1ef6bfd1f5aeb2200a93b520968170986bfd7d44a3c71f0f66545e5668390cdabbb23ba2ce0e18ac546a682c31d6d102d658682edcc830666665152472de0dc6b2681b8280ae51ca84208d7c9af8a49ca7b3de235c00a6dcbbc584cba3b445897b', 54);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 22, 'DisbursementPublicized.v1', '\xf6af161a437999df386804fc4c15cd3ca6eb06ed0ee09fd096728fac300c715e736169085949f7a321f8d5a9bea553824292273748a066f8d9969dcdf24e27d8be0c3c27f13014f940f1a8dbd5f2b8311bd4c2035e22ee1c6979944f99dd473531c4013fae2fabcb152c7526a7596773682b5fdbf5cabaabab0df1d922383811e4521eeede103e655ef946d593fdf5f2e4370af89dd494f92a31620df318d1cf5f54d8b30a810b0985a5dfb8f3a7d2e13668f16aecd169cfd43addf744c5cdb3ad6ac0e4a18327ce9b7399a8f0221b2ea3dc48587270407790f87dc7fa8d68330f4a567f37c82eef6f43be76c47ddd9bb9d7f9308799c16fc4141b7494e55cb6d516efe044c259035fec78681c82a8', 60);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 1, 'VolunteerRegistered.v1', '\x17d3279e8cb977cb3250d15c80eaff2437875c0506b2176f539852510a8a21fa0aae3310fbe5fb2776ea5240e60ba7ec1704c2693daa30fd87293e1440f576f4c2ecf1dc7e735c8a677cb70a0bb566ff98cc6488537d1781a610144b526469838d69513b31315b5ce604d0a46f6e20999e0bf6ac1e516251e4138a3a1f03ce5056ec2a64b3e70e251cd693a9404adf8d4a0048b501236819758c053eebbb7bde2e244789ada099943297b8f20805bdbefcfc6c4f892cf90611b2639184f9616bc40638daa81b69f9ce79c6d57b7963500b3d9119e08de918425eeb9eb97685e8da01aa9f74e5d91db6a907ef5d2c204f1295a26ea90101df04b94bb402af0681372efabb3f7f3ec1a487b78615447c8833e00b0346ade20c4abbe7d07a5d32d1e047b4f998eb5fe39d2e63ae72a8a2150a0e3722975ef17aab605a5c227bbcef807c91f23645b00aa1c90970654a27e63e7c9d93cc4cd7c04f831f60468c24e5c8a145fb412124867c2d209e7ec97ff07a9ca221a5a7738f14c4f62c1f1171b10594f4e89936a029191c1e176698d4656f8e86667771b663004d539cfcbc83469ccb0a2989dfa37e99cb320abe523f334ac3c90b217392084418db2863ce8b8e647924369d1d022910b9f32e516a66a0b298', 62);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 2, 'VolunteerJoinedTeam.v1', '\x138a6fbcf23d4d6200c8e4ee99081e0a4fee8940d1701cf96066e963c9840e06128e01d07196ad0603c4ed61a6715e1da6be5bb13961894ae33162c94ab7903137590a4436082ab1d80cd90ea3c720a383b64815c0d156169fc60b8d785633a0d4366de203273fffeea4b348520a20bb683f2714e25b311662fda4ce3672876735e95ae0fd47a6e78caac47f307619086aa9f6d88b17102d1258b8ee3fe53882e35033a9105dbd67e1a698d15497403ca2835dcea0a0', 63);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 1, 'VolunteerRegistered.v1', '\xfb149396adb7850f707d831e67c48f227fad98e81baaeee3f300327170464cce0a20529901e3ae72f0c1391cdc96c3d5bf5db0c233c462c402eabe2d4d4fd6a68b2d98b25255cf3c5d4aa8e15740e718585ea976287a452d0d995e83d27dfedeae76de15028d4ec8a3f0a12005e46f4f9ae345b01b29baee33ace871e3839ee9dc15e0ea077c8beca8957d123f398ae16a8adc73d555534848af81c3f37a3afdf0e2ead002a15778e0b2baa01bba43be0be429bf3da5647ea3da65abd85321633565373ffec16bcec6d3834e49b8d8363986628b086b0ffa20fca288e6805447a2f2dfc9a438034bb631f3b279c0039034425a9bf3aaea0e83d2e068351debc5c9559d612069a60f74cae681468793ce36a039a2a2a6203f2cd10b0b39e238a1d8084647d47906ac9bed2077a790df5c85adbc09dfc344fa06678bdc4942a0bd0e511002e0713e44bbe17f1db2150a42ca6b3a74795a0250d3afcba763cd1eb31d004f56dc6ab9d4a25a1138ef8d4be80ac2f3a781', 66);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 2, 'VolunteerJoinedTeam.v1', '\xc1e066132985f0294d7005b1663f44f1b3bec0a3277ad83e4f151fc1dab5436fd736ebdd621df57bff7625ef860cede1af5c7aae3f08d05220e05ab6526ebbc8f927afd86c4bd461dee2e3628e3086cd4e4f24fba98d1aa8e4525532994e39b8b2cdcabddc0391bf3031cbaa6b881d6484f906091346b2c2b0426372639c863551ec3fb4e0ab182af70d5b62d1e65184f4620c2aab0fbb30d7a931abb2e5cfa1fecfd926d039ad44cee3ac5015bbc1a5b1676066d71c', 67);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('3ba4e594-f988-5055-bf2e-dc9f56362919', 1, 'ActivityPublished.v1', '\x9767decdebf6bf0d36cc91c21f3d625f89617ad0487b38f0c39ab57d77e6b847bbd3dd349ff0f4bcd1a139e5b568a13b805cd8f949251c6f920e34e4f2d8ea590d6110a8087ae4aab6fb3af6acb3a0809d65e5c0c57653515302f8bb78f08466139417d16eec7e358d91e30a687953fc762107d6e97e9ca4679ee582f126a600e8405c17f5d47528e83ed1ea5601daaf5f8b40c5ae54e00bf0099ef2e1a5b04e418f5b52cedde1c61e7d9edcbebeb5b395410b349e005ff614aaac95cefd5bbd0932ba3c870be45be6c0386080c3f339ed5a9dab1bc7e98587a25d3c8ae74df85352e0ba8bc9fa17f832993669b3e8acca7148fcea3f545fbdba582192dc216c674c95ee8c23f90ccb218f06a35deced7d4850f2f15439aad2786bade03e30c18f743dffbf8146b1e813eb974721', 69);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 3, 'ServiceRecorded.v1', '\xda8b4f6090a68b655e1d532af7249d7863bda9ac18ecdcc81eb81f6293228e031b6de2246ae502004b8cad5f1fcdef99cc2743bcbd4626a39a65c55721b4d0156e3a26ad789b344f7f6a7fdf2d22d85cc92f9301d508ad6342f6f51327aafb36481f884e6a3696b01b19cb371393033b8396ac6457baeb3ebfb7ae117d939269d1467871716e58103c8519f9742e1209bfcae0a573f9e19ca9699ccfa8ea1ed5050850874601da0f61f85da7bce0ab391c3b47dd1df9b0c865b378b8daa45939d998cb727c0fd40b340b0ef96bdc7e4fe534f8bc209a5ee8115ac99b289b32d79398cdcc6c63dbb968dfddcfab7abc489a354d09e30114ca1a52f8d8d8c0c4484c10b6757eb861042c4acef997148e8e306971abbe439ebe42c4ea1608f11c1a3a6e987bb18fe255739df25065801a8ffed20a49bac6c60b4d8d98f589a3d4cb11c870a3b1b82fe2948bd43fd698435845020a84ca86965a60397a12b3db163ccaa278379cc78091c1f8a22eb064afcba7196f2713e7d92049cc21c43cb30e3396c998691d19b903ac0e578b951a17d20a2b716c8c969410909ea3034cc83efdfd6c29f45a39480d26f853130b9450a363d274422f39f938677a60fb6358651b6f0a6fcbd8462d90e3cde62e707c0782', 71);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 4, 'ServiceRecorded.v1', '\xfe5a1090f8aa955c373adad0aa6ec6727cb2dfa64efa6b149d80f61c84442d12d6cac42ae091da4139ea8af012407e4d2102db39042708ffeb8e12633bbf1bca54a441eb8ea795a22758001269da1d6d87d6ef8a19101613969fbcecd93716f558836748c033788bb80087528c561b594b1f4546e1b6b4b685d4039dce58d566b0560f5048ca5d892e6bc74df6907c6117425d9dd329551b346c257c6daefe2a1f9a5ee9611079855932be9772a7ef55dd172fa2eb61b8ab7cb5f09000c0c2a75bd48bc6fd9631fe029c384fee24c780d0a225193fdcc7dfe38017ed32ca2a0574b8c48c53522422857e188a38242c1268c5917e6f720abf72a5931645a5aca80f12dd5b4e66d16a321d15785f7876e607d84959555d5097adfab5ca4775addcfccf35f2545b3d9822a2be44695ab425d283710382c76adb4e6c34d6b4b0dfa76aee812a7885d4e31459ece6ac7af2dc6c84ef53bf506a30fc52def0f9d93311a0ce3ad34b39e67f7503da5f169385420c88181ecddbe9aaee3f31e19d9ef2816dda846e3e8aa560', 73);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 4, 'ServiceApproved.v1', '\x55cf4a0a482f592daec9670244ae56203bfac49c73dce2fdc8db5e25c769d5ba958162563133669c384ce576716aeed179e9fd962cdf76fdae849b8747bb59b4271d0f8ce400a4a67ac83bf2777d4bbf791c9cf097057ac5542c8b2e9bc8f93f232472df2c6f3f68128b93c357713e9d8d4128b7dd3c9ae309e6d5e063a2d46cf2e387b399e9ddeabb9de39fff16f0478efc84d54223c726fa84c93e3bebf58d3e5e5bdb62fd94c268cfe5e747f6eff53a16c09f52ec', 76);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 7, 'HoursBanked.v1', '\x434e4ea43d0152a360d8f44cd8c3429d26ce98c1d6d5f03c50c8fc95cad2cb339a422b59a40ecc3a5ee8aa3de3312ac58dfe9c847c52297f68153a6c88b25fe233333f51e7d624f8b31f4b147fdbdda095ebc3ba83fbac6f13532a5f587d46350a00b222e3f13574dbb6732b76d800ed918a54340fe5b5aba62523800d16f102c672b45fab61c432fa38fc096b17e6c0306e959e496f47b04a3ac8179e1de5ff4087a2bd419a37477eaf1c6a1afb34e73d8b94aa8b1fad025334b335715c', 80);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 7, 'HoursTransferredOut.v1', '\x58c396065a25d8c9cacc23a1bf48393d259857b23d55c4ed42c9de28657cb36433899e12b2c31882dd6557337e918555f9a9a176ee8bfa5f8d9c8a4a7dbe49356a27ade88c46c3e4a18f03b94d792b736407059e5c24e59dd4ac1f7615abdfaca318d364425d92c4d0103884d6c2c4d9b2013c8bbda1c5abf24f25f87ef5685ec36df658e58f7bb47ed24255375884696b9f4bfcfea325a22dfcce6d2cd5a42498bd97ee59ea0ac90f0d825f5f2fadf67734200713bcb6b70f61b29b3f7df82aa617aff4bb1cfd1b11cb1d74d6a0e5b112bfa1832b3c49775c7fad494763eb3c828d3eae2ea1dc734d1fa6b1', 83);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 6, 'HoursTransferredIn.v1', '\x2c520721ebec7420161dbf184e46e72e9d1ddfbd843edef2e48e25f7ac1f68effc6a094cafcecd279e6223aa1f468a3fc9cbc4f81610d5ad44ca444d65f7d37e1e931bf1fea28f109a3709b15cf7686321cdb8ddbc2ebd7d293a2439b6399080395413882c90c0e4d804bef85553e9a3fca289346a70ada35f46f4af4ea013b4a9e5bfd15e2871df9bd8c6099a2b84c9801ad049fd7716f89090d2dbbbfde0c3f4d7112e7d6e60d2b0c3df378e46009dfc5d875455082dec534cf0ef115d46d736c45283345605cfb4d1020e6f2f3832501590beb500f57a33eb06a45497afa63f56cac22ac5ce45ba29c6263d', 84);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 6, 'DisbursementPublicized.v1', '\xcfb90512a12afbe14ef6bc1e85a7593225fdd9d51f8a2ceb051913c71c646232ae0bd4abcae1e36491081e5e0825599193f4faedb567dc19498fd580c353d6024c21ffc809d1ee4b87afbc866f793496f5d392a268eb1e30c86b71c630a9b633871e3d89e74c5cedf3dc3d2ed333765c7a4468706e10f7a7bc58a0cba0d11a00db01fb5f0a747652c33292c3f8c4668247617ff1515abfde13df1ebb8808348189f20015e587bbb07d5a97b39ba506c0d2823666817317ed80ac2492681a8e4364395bab6a951fb82732a209768629dfbb8d3c73448d70de2c6d58926525aeffdd8f63b025a92354fbb5ff2f86790534a7cee0964c39654ce81990417cbf17d55cba418a1b5ebf7cb75ede9644833e', 25);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 6, 'DisbursementApproved.v1', '\x20cd47d90e51a7d2a6d6a0aaac529dacbf4068aaa06a2893de1d3f1cc5878dafc6636067f07491d86832f50f8303417da9bf50ea448e4a6edb84f1d9db1efda0e1caed2db14315702dd649faaf486de93233c65d06f17666a5302336863c2c29fbbe63fd52517f935752df9fa5997717805bd6833f3e99498cfeb183087a8b44eaaa558ddee3b961d27f13db584ff6fe9a9237f8ea8ac729bd2d10bc8e4858433c0968e494c444215af97864434d63e4750c4b6cdaf890caf2205e3d3ee9f22975cf313aae9fce5c2c65401e51b238bedfe61826ad0755e746f9fa89a158c80f0ed182', 31);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 8, 'InKindDonationReceived.v1', '\x8ceac6539c12bc2b7f6349ca90b5f55c3f25fddadf63df7257c5509a3e4e9a3bba1eaecce249dd89d3a781779e67477082357f831ca5cc207563b22354789f96b78f6f836400f4ee37f975a111c9d27ba52e6bd286b19adf3ddcbd509e5afd8862b7546f3a0469fadec3c714263408d7ca123d3012dbb0a7f294c27cea7d45147d0264e581d7a6fa92f542bfbb9e3342e86f01a97edf8af428d6e0c0faabfc01945ffa1ab800a6d00d74f4618c0fa2f9a379e5291cf06dd3131c34db335340f47dd1fb0f17c421dfbcd0f50825056fc6d0e5d1c544250aadd23936575c4a3702dcc7a48d6509ae8d02512c83468f761f1ee26fd387e735bdc143107b16dc47a028d3c924b4cb0de4ac63c04465956d0ca341cd6d9af6204d2f538a565223f9ce563f125ac4688860b9017dea6567a499bfa3e5c64c1aba79ec24e37e84fc97166664a6bc59e051d9a7bc7806d699d08eb54757d2507250b9de9cbb75', 37);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 13, 'DisbursementRequested.v1', '\x89ccbb2e9cdd85cc216a740b2c348ccd7ea52807fcb702e5aef1ca80bcc231cb356521f56e2b38fbc0314bc16f456e5c883f38e6bffd5df26442824d76261a95bb021c6059c7fb0163517a246bf21fccb113174a6363630f38c6e0299e05b6115d775dc61c2b7cb90c7e3d3d899ccc09881b3c341b3fa212d5494709f4a571582fad085b77f524933fa608fb24191970399ea0905b06a39afd9fcff3165ef9f42bd524831e54c17fed543578d6bbd9285a0ddab6b85f2913ee5636a94c56687206776818211d93b28a42ca1e9ee0c0823141086e2d499d6e7dfa8e1c332e16937fca1f026a24506f1d0ac2317bdaeea34cdc8f2cf4cfdb06d59985bf28a70bfb0b06dcec891e350f9479cf322940276948a73f4308a999f49e965ecbb98c0ec54e9b17b51a493e373929b15112', 43);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 16, 'DisbursementPaid.v1', '\x563d5ecd0cd430c6d42f5d6947bdd50529abe982dee2114148db8d445ea643ec3d977455fa21498be90cd20fb7ee7d7a4c017c7af2b359d4117531128ad9853334b333e0394f3e372759e960629237309d5f83c19d9704ce76244d089522390bbfb36420481983989d1d1dc2ba6c711e1c240c9e98025449eeb23b57a72e15a26c9f1f58580146c7a799174adf01d87ce7a675adc018e361ecd9028b9600d3a6e54581bd09d13224fe74a05d1ef5ad88235d65d234319d45eb8be5ffc0a71846f067edda485a627cbbbfa13cd7fbc63cf0e194e8d81d15a4ba660997f725487ad79092de847da57f9dffe4593ddc2528c15e4837058cf508601c3365fc87558d8b92cfea8b5b2019b5d641f46cbaeae0ed359363eccf0254d40f4c608ebe0efa7f57c15bd92865f6e4339c6dfa2c0d1aeccff49e469037e3214aa5a862de89', 49);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 10, 'DisbursementRequested.v1', '\x9170ce14f5fdbd0046292125050012d47f3677ccec1e25b4a6f7481ec8018727aede6bd23ede066f8ff212dfff8d6ca30229f2135aacb6d5427e4c52f02e3d930c240ce5349bb4e5a63ee7ec5cd59ddc31986a241448432d015344e342883da80caf3d913a13361645c809873014e27c4df7cb07f7b4c50320367ddc4b7a44dcd025c10fb01ac3f32380a822a90e00bfa4c9a0a60dc4c8fa2e0bf881506b4794224959713b8bfb3a6fea9d3ea0e6b324bb996f11cea8e8e28b20e71dd404895807c2d52a1778e82f52188eff3b1ea9a40ef51bc8a0d332a965bbedb34d77e20d8275510c21bfd185b50c83b8ec7521b418b229dc4c35661c5e368d96212b021181b273ea0855097c96361a9ae22c4ff125c60790', 55);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 7, 'VolunteerProfileCorrected.v1', '\xaed230b34c73b06b8f54eaa5408b98c433b3591138b67d71936d0fd0930a9834e4e36cf16031f1a361bea8ca724c7894d010aeadc9a3a7030e1dd7ae5e583d0c0a48bc9ef4724e8e281fc598ac16e7e15e5c2ac0e7cbe669e53203859582d308d814ab619da2b1b297662b470cf49f63b630a0390cee068894cb9306a42fbc55df1b61e9584e14396b76e7f6ea41c513702ce9adab8227b5227f95a14a2f0a83e0c9ded9b7ad4b57f6853a30b948bb639d7b3c521115409298708e4e1a34dd62d7c098ebec5c4ba59e950467bff4d72e57112eda0515fd2d44681f933009f2ad01b8fa8735f4e14941f67487c9d58048385139ae4bbf57bdf3aa5978ccff99b8519b5f994a58e4861bc37d25c2868648e72cec429b726ad49def5a4306fca75d71679382b4c214d78d815248942209312106f7206f36f9d9e301d882b45f19f357512c21a93c86da89f83355d7db8dd8a0', 85);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 15, 'DonationRefunded.v1', '\x56e03e593d68792000745520461c084528c7966fe8d476ea6fc2adf4787bfaf3434c907e5f0ffc47c96a62ae9452b461591707d972bce350cba7f932bae3994a899a4d6387810123f17e1ee434f07c92fd66a6cc8b02573a070dcac4272b5808462136cec1b458145c11ca13f2ce83452a5948537a624646a6ad818e9d010f0aa96afa9f93b8e56989db8418687038ed45ce417c0b3fc4fde83e912e1f586fa2a1e2c3e3aea4a11a5fe16206749c71da3130448e60f5d7606d9ac827cdd734f657294eb9b7c1834a71750b3acebd637478aa257759b473beacb076b1caaaf78b21085300cd42d0125af3ed934f054c7190aba25463ec46bf1cb258e84b38cd0af9aa22617b5b64f0d7965af370b3bfb45df7e583b8c919182c96a69972ef3d279f', 26);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 7, 'DisbursementApproved.v1', '\x1e0a225c8c8d1670b67a2b293b7167e9b6dda648547d14a0b72656402b95cf995a3d60c76ab81cff244fef45bb2fbeda72f08dc13d238801f34363986776900aaaea7944dfd0ba6298f416b4cd995c6093c12f914fa8396a0fa6e63be4eee476eb3c8cec27a26cbea6712baa94a8365f5a8218b2e479376c709fcf40dcc9e83cc752557d77d79751dac77acf5246ed7339b9ff3d9b37c0ad347a08d658126a4086d6d17fc1d026b295277442866f07b6b6a498bd5f7db3c8f477c5120509ad50043fe1b2bc8459152d993fe83aeee4c0b1b625792b8ce5fd42a09f911560454400ce3adfb927dd', 32);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 10, 'InKindDonationReceived.v1', '\x4c0c110d9d11517204db9439005b42c80ba6a058da95fb447e2a1d3eba2095b49fa82185a98fb924173ce10f2aae15b0a4c8779d648ed9c2eeaaba33b77d53b025ad76fdfcccd4c9d12c5d230f88c50f95616cf5f15154ae21fae7d30fb89f6fe983fe5cbc6ab70a4e337bcaeb3e882262024d6b0553e66aec5e545cf8493a7900de97146a0ad02af14192e1c5c55f971d4baa0797339dd402fcfcf9559c2079f7f215f737d4d6081cf2ed2bcd8da97e0d0c1043d3ca03f21fc3880b713056dd9096813c150181264166cddca8d50e87e6c94abf47bc4cf1cc279275795ad84eb4acfc52b0bc055dfe53a61e1292366998a4ed25def18bae4ad6063c1228fca9a87e561d1ac6b10db340118567a2e2d0e9241671c2833061a228513c9b89818fb9dd24d46789e114f53f789a5453cfd4472811f17b1deedb6031d95bde1906a38de38eb87c07edbdd670527a40e0420d523c31c53b281771bcc47a8b9bc050fd56e980e8ef1a210a3ebb09e4fb7417eb2e04e7a51e84c9538206d22fca83a2e08a9eb87d98ff43c5a5ef8a918eeb1cec38fe1600add3d954adba4c1b146e9d12177886fdc3d786f273924deb4d1d21edca370882b755c1b33ac0059263fd62455f7dba7bde6398635e11c2', 38);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 8, 'DisbursementApproved.v1', '\x42261620547a162e92d61e474e545c04500c9f67d6324bc25fde26d7c2a542be8fd026acc10c53079a4de4665341459e9c449abf28332c79e58f972b1cd18f7a25005d1aaf65e4e81f65747f400776c746d82755a35992561314936798a44134dd2517c50bfd871306b9635f04c6998656aee7b48d9f01b1be8840f2ee082bfb7ab22411ab7311eb2cee165f8193a96cd7950e57830f147e8a3fda7e9f90e3f0cc855ed6f940fe607e32421aff39569640a2235074b21fad8545329f88f0a4da294352114263ec24557534cf153acde8a818e9183fb9cf601bbdcdd8de609e7f', 44);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 16, 'DisbursementRequested.v1', '\x5207809eef596ec5dbf568dda002e38f8a95706f4edaff32323ab9470d8cf46990fac79e59008dbde3f589b59de455ca2c0269bcb173be5f12f59f45cd206ab8e3443fc627a2474b7cb69e67ed9c93d5b4cd5c2c7ed60e596fc9778033b90d98a81029e28cf20ae6f49e5f8fc067528ecc0b2ea20a6715a1f80d9ff7c0aee0ac17af746a34245df48299ea1075283c751e646e6465eb39257b28a35b98345470014e90aa6f165ab41febc747562de19e947fd8c3252ee297d9e76be10d5ba83a33e38e7874fa1d432bd07be8f507be9a1c00ad9847e2bf467938c13cb42119be8bbecbd9c33a343af0aa6d17066ef404e365e8709885320305113f6759e0cd29c0de505c8041ae8d8c470c13d3bd4c0ff7d4bc1ecc9b39447775caf7652ee9d62d64', 50);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 11, 'DisbursementApproved.v1', '\xc1f6161fc7d3d5301c3af3ae1a197a247911162b24fb45d97dfad7ebd825b03c385a126d2e9cb1a9cf599060b50f5aa0b9d4d72363632129d4d7cd71baf5a970a8d30062f9a35bdeb159156981505ab3fbf04d22559ca40da206802bb2ab3c3e9f6dac70635ec0e889492a0da5c99a56ace4d87b75d528135642a7777d4d51b0df10648ce59927825f994f2438ed985950c3eeb8e43ef2422de5c0d38d9a684ea460fba50405c78efc1856ac8f88ba974755c37b733a5298e229e27ec9627955fbc388dbb317cdff982be5a6b5ab8c76e01601d0e4af045d', 56);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 5, 'ServiceApproved.v1', '\x82c22a72aef7e5197dd146aff97751add49775754c604353b670848f3b4ee7912f0e7eba3abd75c8ca9c57aed5c983db48536877e39d0febee6139aedcd1673a72e444e821a5b831d64fff0e26e152190a919efca11cdd0f2aa4e20dbb588b86735915dc0ed52194b4c4d1d04815ce98dcc4e3967a7bc7415cecdcbc0850fe79a4340c32374b7b9a326eac6bfac3d953cd3cf25897e3c1a06f1fb6bbf1fe829c3dde24dc92d50d2bed16a1b21cc6604ab5d7d842a04d', 74);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 6, 'ServiceApproved.v1', '\x039ffd3f91372f77ea26b0537d0ef7fb07e561b9525a945c00f170dc0fa26b0ba69ab713e8a196ee1b41a8693f85902631ecf6b0332cfb8ee6b8b83d71af469b0605fb4bae2c6ab06c0cc7421b9a7896123721859cdabf409bde3dff5401aa96cc59ff75f0ea10bc754b983490176c6012a5798a7ad2ab8395ddb05c7a68f365d81e4fa60e2d7ff630e50a12e7acc3a344fff7d77c2ce6f9308a31d90ed4d050e7587024332a1687b53505c6d349796f08d09afb6ecd', 77);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 6, 'HoursBanked.v1', '\x910b9107fe490c2787c6cb4805dd0bd7fa0ec69801ce65dc6be6a0c47208835fee8d99dbe51ec7f26c5b69bb419fd60fa7683b6db8b9cde57e53d954fbcca61dcd1190da5e7223736bc3c161b4feb805f23ae2c1ce95fcce1cb1e4a48d1d26a4f427ead93664bc7f77a829cdf7a2c5945b43b9f117d709e0648f75d0c3414833d949d3ddabe81486f9d709e00a25138c4b816a5f7783563ba6e2ec56ed1f4d56c0fba10be4cadbb3c89e0b3b7703b4215fbc711a1aac060cc1911d1c6947', 81);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 7, 'DisbursementPaid.v1', '\x9a69da452bc1110cc1233d9a70d64c56aea16db0fe7afe6bbc53f9b0530bba6440edc186a3f563aaf04bd50db25acf93d62897a97a7c36627a4cd5e02b06094dcbdba693d6dc2c6502832bf7f3fe213df47238f823bbea99a4fc4e3fd02d343d5b55c0f13bf4602898791b67ecc9ebc8d18738910fe7ee88f8aa78980187697ee5d7a47ed6becf4433f49b64dcb99ce5a57e9b764967da19116c7c13f288449721eefe62faa2cfa7e9909d02e3d6d6d1642649e418ef3bc39541f3c293c0e344da12d7d30cf7725425149b32016db173780ec4d2af153f2d6c41b1a912b1bf508f31ab1c1206dfad086bfeb9228aebbc270fabc4e307db3d3cbf487f0fff77eeab46c082f5a33d70081ad94f7c2702b5f1c2aa41fc4d529b43f1cd9586aa238fedd9494a4819702ea081ae0d68d08aea0c8370b871e4c647ab58ec827dcc929d5d1fb1dec738c73bad953be3298532078661be3bebe2', 27);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 8, 'DisbursementPublicized.v1', '\xf7d81ea4749460a6b1cfed2e7a53fd2982b91c3f0d2ebb8c277f471cd206d478fc89546b64b207e5d457a7c3eeead48b4f3f9bb89b7195fc8ba4db898c9ff6e110f76cc79cd8cb4f6ad8e2ce9b1f4ae8bec29202b12fcfdececd7aea97325951275fcdada59fdf3ce22d3c02bc3e9855dd98f71e394168345dd7d9c98e7fc810b638e7f90574d43bb29520ebd9719e61cb5ee33c492f3656b26991c9087ffcc57e234aa0026620cf3f3708a48fbe4216da05b06357a35bc0f2badbe770097c89940b8fb9e38d4509741c4554241667dd36fc473a53e6beb64183a465606ee529a879453f7562a37ce61747250ef253941653cfc9dbdfe7dbec9eac16eee68b0d567b28d88a565b089deaee86852a6a8c6bf027c6', 33);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 11, 'GoodsDistributed.v1', '\xd6c20ebba441383dddbc7d3e8895c6f3a79792aaab9385225d6be300d2bde90d5c357028c1326c4d2c81018229c439877ca548475c46b4173d10d42939074eb21c02500bf97cb7a2ca8656160282e3e5926abef0a5a8158335384b2dc93da46c9d37980b21ee6476cb1b717bc2d5ca14d78b1336b5751f11b76ddf1a96b389a6694f62444b4d2cadfe15e350afb6fff3ce673af399b6c224a745f6be5a0ba31c00c74f1f3e79cb1b7282aac4ffdaea3703c3d7b91ae4c5a11439c66982734604730e89adc0b3fd7c8740f2a3411d40e64748d2ddc36f5b7b6f1d38f98ea89813b5c7b5c01d87c4680d5545031949a32b9da476303b37d0ba8e853f076e502f85dc1f3badd426282b426e03f990d0ea26608c2824fb793b3ccb8ed68a9dffd08d28395dfbe663846c93c17c1b0bde9a66abf230e496e27c6857903e40563e9951d4b1b9b94d5a9d251dab3d80da930574a12f02820ee8a908ce136a36f654d046ef83a4937201', 39);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 9, 'DisbursementPublicized.v1', '\x84f2c9757256ea7e480669d5a23d401732dc443945e04d414becd2153e99b60c90f92686fcf9c5a3af6d07436c224469fa347881c41e7e75c1d3008284cff733b27c74f7c47d8e5f2be918af7921c2062fef9f4e8c164ab92f4142e26837aa63af06aaa3130c1fd13ce49ac96b6bca8ddc8a1338a70d52eeeb254cc605ec90dc25fc67e5ceb4ea4f0ebc3ee8530e71751d89bde6520e333917e8b201ea31fadc23329014e90283af06f0b6829d6d4be2d8f31f1afef95ad048b136fef590cefe95adfd00680a28e92402df1169ff02ecfb5f9ab4cb6a1c8a918046154beac333f641f656519cc56d4523f53fffa30a176a31728559cda1f88d61dba8c747049ef19d03fbbfa8ad5780715faf8213b6', 45);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 17, 'DisbursementApproved.v1', '\x86a5db17d9f1fa57ea84e9c22ef667100e97d819868f48833b69f30169f1116d6e66850289a5658f316dc4056266199f4f295fc62217680555548e716b9611759b54774fe5861d634a7a57759bb1faf52a6e848f1f669a4fba00fe6aba08f3bf0a7b213f785667eebf897a9456021041637711807555f269fad2c5d0e3f40aa4cfa2a9b4b1a5f3525033deb4f48ee6730321e5d28c95e7d7faa7cb16338c0ad723499d9f941f40c030f05d7e03be6ad00b94cee3db6431b19fdf8febafde8ca1a7e968a7c1a44c4cfa26789a58d294f3deac029e6a9f5e9afc9277c2620c46a3', 51);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 12, 'DisbursementCancelled.v1', '\x8cf56dfc3cfa8ecbc2d1f3677dc6d2ef0f265081ccca5c6eaafebf21f78c6b3e6df821d708674cc5aa89ca1b5b540835b5c304a53e5023d181b481a3397e0f164abebc513c7cd67d7f8583d0e67f8e8193c71cd7134b31f6be3a3b03fef0de94aa9c7b2093cdfc393da59777bd0752ac7ee5a902bbf9a0f154dbe1efcc943ef783a8e621797265734a5ec62e0a6dc4ced3794b67d6c2219e60544d7dc91a31d067de1a516eabc63d2ae9ce59dd2f2f14f59c33f40678d8f3b7ab4a634a722e78cd02e5ab11758ea896cc967306a78932827c7c3f5e244b046c83e12cc6aec886e92c90e107ed5d63ab178697bc10f8ba31077aabf2c58074043a3c8434c06351c29b576bbac960d4841c0b02', 57);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('c689d5c1-4a74-523a-9e65-ab2034ea577a', 1, 'StationPolicySet.v1', '\xf1fceb48559fbd232203ae5181086388a90fb816747219682be8a34e498a43645ae7bcb768e701ee093afe05dfbdf0587fec88f6347fbf39ebbda715181ceb234bd3c7e4a7e45c9c386dcc90d24332a662a9f002332565eda08188962b8c8a0e712c881f377f2917a8568268d0d6361719e8e186bb1c20c552e777357c6b3b43cb03fab95788e3db8b26f468dd1f563ac6944d5ef554658c3df25e8360e13242552101dc8aead2f11daf80ab9e69e4c914b14a205b843887d6f370a4f94f1ec00d02dd89c8847844edc4a4a77d009b0f0fe5b60652861fbbca36d1b291b0b1193139034ba8c907d6ea8694e5efb275224f1b873b3d2608dffb255036cb917324b5fb4a20', 61);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 1, 'VolunteerRegistered.v1', '\x5f30c4be10499ac981b0c8fd8eac99316c4d1d60ce12d05483367642d6c97ba1750f4d8836158571144e7addc0f6c46e2e8cec69feb6442d478635bf0a8ce58de8bd778313ef81b43a10c313776d25ecab2f3cca43c8110d4ab2f70b6763f8b610bda406d1df1426437b55cb25b593fd8c78faa1f3b4380f548d636697221f0ba9724119134d1bb2e673e0df0514e4e2268d1a2f594ff82250b94bdf8baa0b8a24f6968e4c593d7c61fec891d010dfa6f41765b5d32a8b7929a7d124e195201928f7c1b8ca81e8d2be493fb95a43426db526087ede461a22fc00e0e35f036907d86f604dbb2282cb2e694fd73baa7be87bdb4254dfdd1794d46e7eea9ebcf98f0bc19429b6bdfcefb3b0d893d91458352d56de07e9d5548b142ec2df270f599002ad6ba4a05f81b94017de204ef72762255246c5a1335c1d1ed64877b397009d34e1d232afeae5480c75b17a2120777839f7b074fca992e81716562ef898922140c8cab591d39f2a772705953ea56da8438f462a82f0d6a17b449f1976bfa0482fa00e8350b5204c90511b932f451192aba69a010815c4055922048d7aa31ef05746ec52f871946c51314ea516b09d9374dba6c2d80b02df37e325836f5d36c33e0197947170ab6214063a93717d58b89ba5', 64);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 2, 'VolunteerJoinedTeam.v1', '\x162f008d2c6ba59023ceb879ec0ee202f0889057c8c5c27e1d9eeb163131c362bcf28ffac50ae40a2fc3290887c44372ffc83d76326473f69802bd84a45422ff72217b9056e3ba46f79c5f97538b0674f1129f25054fc5a0d55a3e68f3b899c52ae506339f15cc2b47f1f8136da64e43354b0ce915cb97af1eb2640e78eadaec7b188ef5b29d7b73a75df3edf97f68111828663acd7c66b26247af5cf5b519e3a0c4bb449fa2b7547d05d03da99530de84ff87d57546', 65);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('a809eda1-fdaa-506b-9aa8-44ee1d73025d', 1, 'ActivityPublished.v1', '\x27e043c066a4685650f711a48030d98dfd2942fb63e4c7ebbd8c55be09fd181c54624b9c622118e136f11b514acff60fdb6ddca81fbdd00765d005dfb3f164aec1e8039274988134c47f5cdeb01522142a133725bf0f3bf335d26778d47527329e4fcc1aa8916a1605f98e3f97a1e5b510d95dfb5226bd719c895a78332853ed79d39bb94c4bd97b8cb2d9577ddf89a08528b88eea2cb6770e527435ffae1996a47db5aec2a36fc531f6dc0cd003b800055689c2131e728ef91b614968bce92d891cad3f50524ea3b403dc0a397c7d3bbed88237ce6ab7c10b5d7f98a685cd7099cba88d00b8e92dffb5b11f6b6081720138d7863890b2dd3f96e66e609a86b7ff1c774f539030ec10f223008ab5b402df1849343d5ea4c2c51cae7941e68dae8cd61403a301aff53f54ac6aa49021e93f138f2a2d675626517b7d434d5eaff51f914ffa6edae81eddeed738135999c47a379204ecf588ae650cfc316950b953c6b80f49c181f54c1fc4', 68);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 3, 'ServiceRecorded.v1', '\xe204452255e20e2eacc1b2708680edfa126ed1429ef5e2cb1788e54111737423d7dca4cd03fb911d75b7bea7bb90cd097bc54f095a8ca7c995982732593ecef3b7bff3dac690689499c1236e65d7a015a6a08ff1c0f2ae7df632fa2aebe7231888370322c5d38e94f6aee2d5c939ad961ac4ab57ff3645e3211ffb2639d840e92c87f5d9083519d95ccea07e878f5ff144fe654125ec9998c73dd4f5dd5e828d1b58f559d57ca2d909d9c433f75f648f935d706e212a3f238d3b8d7686e8fe33391035ea4b8dccede0b9b19040d99c2d624c0cb8b7325919f64c1475bbd056b1ca5bca3400641abaa39f10b911fb45f0c771e7dc62cc9c3ebfbb8993634cda5404cf769c8feaab9311976cd394748f092b2be4e6ac0fe52bfd0ffa173688ab8f966f11e85bf3559581f3d4a6e164ca5f3b182ed7fd559af200b9118a7d0dd47ae47cde2bc1e47b7f3a21f21293b7401616761afb6b02a5f47d92f6c385a0ef49842259e443bf38fbe0c0e748c431899217c7d0113a9f4fa14dae10d81ac5b7d143115e5ee6a8fb046fe01b761a8398e24a87efd096536ff67f10b868a1b39f902da4cdb1cd54dcdbc40fc8795e7fe7f868caa2bc2bbb59216f63df1250075520c4ddeb6dffbc10a250e0b522631c45667627c8fd92866de9c56c', 70);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 3, 'ServiceRecorded.v1', '\x75d1ba7f395cdd6e0a2c8f3e1cc65ddb8b8e733e7c9867835881eb596451e6d312d2f1e3b1409211894a813b243f7720054247bf2756bca7e2b38947859553c9ed4707813f06680db68cf1ffb3419fd6a6d3c9ed587cc2dc0535fc6d24677ea8051e651487871c937d32890dcb2d809677b92ffdd820723a7b667612c21b65e934a10fc985bc80d20a2d31717b6f9224661c1d25e0f616f13643a8b0fa03d7ab0943f83cd6107fac443b475cc082ba27ebab6fd462f4df2aea09e6e0bb317e1536161860f1018709e6b270d007134895afe0fcd020354845bbec1cd707534e98dccf19d3653827741de48937865fc47c5ad352dce92de3a34211c4f672cf80499ecc3f66e97b9bc010fcf1505549be7d473eb7a1db4703123579c18566bb6bc96f46487cb1c3e6232f11d6b0787773380f2de7e336275ae99a1a3e787521dc9fbbc1b0fed6b8de7e96cfc4f9b8f706d19cffed3b80c971b9422393d3bd2360e177275c103eb36c6633fc4ef147337042789475c7b75e7447e018a5a863613b1158b4d7c28f6e22d531f655c277db6c440cad754993008198a792dd999939914271f618833c217d87eb46f3e82b5e4f74bc46c8e0fc28138e7df6425b9c43df977addb651', 72);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 5, 'ServiceCorrected.v1', '\x814856f1a19ed71f84b882221acaf64f21a6a2a816c580515738e633a11101cddf35664276e20ba41368d5ba43a524ef48dfc9a1d32af61a6a3cc15408ca40927925b63710f893776ff1a25e6d7e7180e1a63ec628bd07fe4f3a14574d3a757d6fd65dfb3493ebec98704cfabcae24dc5e80062cd8c896c307ac1b69d5ae8652bfb5fbf22cf70b880cb20906e6cc5dbde8b571259aae36af337a032b751a1d5aae2a9dd7b13eb6291ff9c1de1c57df5412cc71799ab91dcddf0a4c44e448f206a8fad8b58480bf06fed5bb09c988b876fecb7945ee470fb695f58361a8e987a5e3ff5757875a4fb5a18f9d99a431b2c89bc815ef88bd99fd18f852589add6c15a0d141f9bf4bf0ae3f150c7535382fa48a5ec65fa5926bb5de4c23d08fed', 78);
INSERT INTO golden_legacy_keyed.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 9, 'CertificateIssued.v1', '\xa5030def11cb4ee725bbe83a6c701a325665c2c49a7af1ca7055be3bafb319072f6ceda7a9eb3d0eb70a799d43239a257ae15401c2bba362f0c6bb9faddff7c72e45be6efc9c852534dd958691d76358b5e55568199b138bdbb8bea57492e4b8e16d5b57c69953d0c398a2d34347f2ecbc97dfcd9cacdc7624c904a87b89cf7bb3c841f7272733919df7b1ed3a091facafc3bd24f10ee14cdc6697351374c4ed003a4c76fce64bdefbf953ed18b6f40661df61f2fbd70199719c17f19e409c640efbce489eafcb30cf9e2859fcdbdd9d09aefaece46027c86bbb6b5c735ec632b707ba77b9e559444e22acb2d98391bf288bec8e1c3a84a2398c7f8cdd5a4782a1520041106ef07eb8d8f964076a3c3a741e2008a4bdc3bd4c2d148394b603b1d40212e3d026cf43847298198c79ca1e47908b9d3831cd7fa7258ed55b778ae206739201e29cb9b5a772de6f4723cb920b60c9786e0cd02b71a1a97a09e305833b12cec7b2f26bd1f84fdd8394bf1ae6920eea38fd507f61fb6249', 86);


--
-- Data for Name: sgzledger_snapshots; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--



--
-- Data for Name: view_tracking; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.view_tracking VALUES ('__migration__', 1);
INSERT INTO golden_legacy_keyed.view_tracking VALUES ('fund_views', 86);


--
-- Data for Name: view_versions; Type: TABLE DATA; Schema: golden_legacy_keyed; Owner: -
--

INSERT INTO golden_legacy_keyed.view_versions VALUES ('fund_views', 2);


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE SET; Schema: golden_legacy_keyed; Owner: -
--

SELECT pg_catalog.setval('golden_legacy_keyed.sgzledger_events_notification_id_seq', 86, true);


--
-- Name: balance_at_position balance_at_position_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.balance_at_position
    ADD CONSTRAINT balance_at_position_pkey PRIMARY KEY (fund_id, restriction, "position");


--
-- Name: balance_on_day balance_on_day_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.balance_on_day
    ADD CONSTRAINT balance_on_day_pkey PRIMARY KEY (fund_id, restriction, day);


--
-- Name: event_chain_meta event_chain_meta_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.event_chain_meta
    ADD CONSTRAINT event_chain_meta_pkey PRIMARY KEY (name);


--
-- Name: event_chain event_chain_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.event_chain
    ADD CONSTRAINT event_chain_pkey PRIMARY KEY ("position");


--
-- Name: fund_balances fund_balances_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.fund_balances
    ADD CONSTRAINT fund_balances_pkey PRIMARY KEY (fund_id, restriction);


--
-- Name: fund_entries fund_entries_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.fund_entries
    ADD CONSTRAINT fund_entries_pkey PRIMARY KEY (fund_id, "position");


--
-- Name: fund_goods fund_goods_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.fund_goods
    ADD CONSTRAINT fund_goods_pkey PRIMARY KEY (fund_id, item, unit, restriction);


--
-- Name: funds funds_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.funds
    ADD CONSTRAINT funds_pkey PRIMARY KEY (fund_id);


--
-- Name: sgzledger_events sgzledger_events_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.sgzledger_events
    ADD CONSTRAINT sgzledger_events_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: sgzledger_snapshots sgzledger_snapshots_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.sgzledger_snapshots
    ADD CONSTRAINT sgzledger_snapshots_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: view_tracking view_tracking_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.view_tracking
    ADD CONSTRAINT view_tracking_pkey PRIMARY KEY (application_name);


--
-- Name: view_versions view_versions_pkey; Type: CONSTRAINT; Schema: golden_legacy_keyed; Owner: -
--

ALTER TABLE ONLY golden_legacy_keyed.view_versions
    ADD CONSTRAINT view_versions_pkey PRIMARY KEY (name);


--
-- Name: fund_balances_i0; Type: INDEX; Schema: golden_legacy_keyed; Owner: -
--

CREATE INDEX fund_balances_i0 ON golden_legacy_keyed.fund_balances USING btree (station_id);


--
-- Name: fund_entries_i0; Type: INDEX; Schema: golden_legacy_keyed; Owner: -
--

CREATE INDEX fund_entries_i0 ON golden_legacy_keyed.fund_entries USING btree (fund_id, occurred_on, "position");


--
-- Name: fund_entries_i1; Type: INDEX; Schema: golden_legacy_keyed; Owner: -
--

CREATE INDEX fund_entries_i1 ON golden_legacy_keyed.fund_entries USING btree (station_id, occurred_on);


--
-- Name: fund_entries_i2; Type: INDEX; Schema: golden_legacy_keyed; Owner: -
--

CREATE INDEX fund_entries_i2 ON golden_legacy_keyed.fund_entries USING btree (fund_id, of_ref);


--
-- Name: funds_i0; Type: INDEX; Schema: golden_legacy_keyed; Owner: -
--

CREATE INDEX funds_i0 ON golden_legacy_keyed.funds USING btree (station_id);


--
-- Name: sgzledger_events_notification_id_idx; Type: INDEX; Schema: golden_legacy_keyed; Owner: -
--

CREATE UNIQUE INDEX sgzledger_events_notification_id_idx ON golden_legacy_keyed.sgzledger_events USING btree (notification_id);


--
-- PostgreSQL database dump complete
--

\unrestrict 0z7vKD4k7sPs7G2FXXGbuHpwfhKhvwRsH5JsUb3YSc5lgHT3sfnoHig7nhMx0YB

