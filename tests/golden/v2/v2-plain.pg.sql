--
-- PostgreSQL database dump
--

\restrict WJnOmuEWoqrmSGwgo6MZ1iBLyKixMe1XOcaRsPgTpDufnieOma1uk26cqM3S8EN

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
-- Name: golden_v2_plain; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA golden_v2_plain;


--
-- Name: stored_event_uuid; Type: TYPE; Schema: golden_v2_plain; Owner: -
--

CREATE TYPE golden_v2_plain.stored_event_uuid AS (
	originator_id uuid,
	originator_version bigint,
	topic text,
	state bytea
);


--
-- Name: es_insert_events_uuid(golden_v2_plain.stored_event_uuid[]); Type: FUNCTION; Schema: golden_v2_plain; Owner: -
--

CREATE FUNCTION golden_v2_plain.es_insert_events_uuid(events golden_v2_plain.stored_event_uuid[]) RETURNS SETOF bigint
    LANGUAGE plpgsql
    AS $$BEGIN    SET LOCAL lock_timeout = '0s';    NOTIFY "sgzledger_events";    RETURN QUERY    INSERT INTO "golden_v2_plain"."sgzledger_events" AS t (    originator_id, originator_version, topic, state)    SELECT originator_id, originator_version, topic, state    FROM unnest(events)    RETURNING notification_id;END;$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: balance_at_position; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.balance_at_position (
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
-- Name: balance_on_day; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.balance_on_day (
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
-- Name: event_chain; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.event_chain (
    "position" bigint NOT NULL,
    digest bytea NOT NULL
);


--
-- Name: event_chain_meta; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.event_chain_meta (
    name text NOT NULL,
    value text NOT NULL
);


--
-- Name: fund_balances; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.fund_balances (
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
-- Name: fund_goods; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.fund_goods (
    fund_id text NOT NULL,
    item text NOT NULL,
    unit text NOT NULL,
    restriction text NOT NULL,
    station_id text NOT NULL,
    quantity bigint NOT NULL,
    value_fen bigint NOT NULL
);


--
-- Name: funds; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.funds (
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
-- Name: sgzledger_events; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.sgzledger_events (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea,
    notification_id bigint NOT NULL
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE; Schema: golden_v2_plain; Owner: -
--

CREATE SEQUENCE golden_v2_plain.sgzledger_events_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE OWNED BY; Schema: golden_v2_plain; Owner: -
--

ALTER SEQUENCE golden_v2_plain.sgzledger_events_notification_id_seq OWNED BY golden_v2_plain.sgzledger_events.notification_id;


--
-- Name: sgzledger_snapshots; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.sgzledger_snapshots (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: subject_keys; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.subject_keys (
    key_id bytea NOT NULL,
    subject text NOT NULL,
    key bytea NOT NULL,
    created timestamp with time zone NOT NULL
);


--
-- Name: view_tracking; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.view_tracking (
    application_name text NOT NULL,
    notification_id bigint
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: view_versions; Type: TABLE; Schema: golden_v2_plain; Owner: -
--

CREATE TABLE golden_v2_plain.view_versions (
    name text NOT NULL,
    version bigint NOT NULL
);


--
-- Name: sgzledger_events notification_id; Type: DEFAULT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.sgzledger_events ALTER COLUMN notification_id SET DEFAULT nextval('golden_v2_plain.sgzledger_events_notification_id_seq'::regclass);


--
-- Data for Name: balance_at_position; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '助学', 5, 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-wanghe', '', 7, 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-lishanren', '', 10, 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '', 11, 800000, 0, 0, 0, 0, 0, 0, 800000, 0, 800000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '助学', 13, 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '助老', 14, 50000, 0, 0, 0, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '助学', 15, 2000000, 0, 0, 600000, 0, 0, 0, 2000000, 600000, 1400000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-wanghe', '助老', 17, 30000, 0, 0, 0, 0, 0, 0, 30000, 0, 30000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '助学', 18, 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 19, 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '助老', 20, 170000, 0, 0, 0, 0, 0, 0, 170000, 0, 170000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-qingning', '', 21, 20000, 0, 0, 0, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '', 22, 1100000, 0, 0, 0, 0, 0, 0, 1100000, 0, 1100000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 24, 500000, 0, 0, 240000, 0, 0, 0, 500000, 240000, 260000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '', 26, 1100000, 100000, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-qingning', '心智障碍青年支持', 27, 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-lishanren', '困境儿童', 28, 80000, 0, 0, 0, 0, 0, 0, 80000, 0, 80000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-lishanren', '困境儿童', 29, 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-lishanren', '困境儿童', 31, 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-lishanren', '困境儿童', 32, 680000, 0, 0, 360000, 0, 0, 0, 680000, 360000, 320000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-lishanren', '困境儿童', 34, 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-wanghe', '', 36, 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-wanghe', '助老', 41, 230000, 0, 0, 0, 0, 0, 0, 230000, 0, 230000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-wanghe', '助老', 44, 230000, 0, 0, 180000, 0, 0, 0, 230000, 180000, 50000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-lishanren', '', 46, 500000, 0, 0, 120000, 0, 0, 0, 500000, 120000, 380000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-wanghe', '助老', 48, 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-lishanren', '', 49, 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '助老', 51, 170000, 0, 0, 150000, 0, 0, 0, 170000, 150000, 20000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '助老', 53, 170000, 0, 150000, 150000, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-qingning', '', 54, 120000, 0, 0, 0, 0, 0, 0, 120000, 0, 120000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-qingning', '', 56, 120000, 0, 0, 60000, 0, 0, 0, 120000, 60000, 60000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-qingning', '', 57, 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '', 59, 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);
INSERT INTO golden_v2_plain.balance_at_position VALUES ('cz-cuizhai', '助老', 87, 190000, 0, 150000, 150000, 0, 0, 0, 40000, 0, 40000);


--
-- Data for Name: balance_on_day; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-01-15', 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-04', 2000000, 0, 0, 0, 0, 0, 0, 2000000, 0, 2000000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-05', 2000000, 0, 0, 600000, 0, 0, 0, 2000000, 600000, 1400000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-03-05', 50000, 0, 0, 0, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '', '2024-02-20', 800000, 0, 0, 0, 0, 0, 0, 800000, 0, 800000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-04-02', 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '', '2024-05-06', 1100000, 0, 0, 0, 0, 0, 0, 1100000, 0, 1100000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-05-15', 500000, 0, 0, 240000, 0, 0, 0, 500000, 240000, 260000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-01', 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-19', 680000, 0, 0, 0, 0, 0, 0, 680000, 0, 680000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-06-20', 680000, 0, 0, 360000, 0, 0, 0, 680000, 360000, 320000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-wanghe', '', '2024-01-30', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-wanghe', '助老', '2024-03-08', 30000, 0, 0, 0, 0, 0, 0, 30000, 0, 30000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-wanghe', '助老', '2024-09-10', 230000, 0, 0, 0, 0, 0, 0, 230000, 0, 230000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-lishanren', '', '2024-02-18', 500000, 0, 0, 0, 0, 0, 0, 500000, 0, 500000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-wanghe', '助老', '2024-09-25', 230000, 0, 0, 180000, 0, 0, 0, 230000, 180000, 50000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-lishanren', '', '2024-09-27', 500000, 0, 0, 120000, 0, 0, 0, 500000, 120000, 380000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-04-10', 170000, 0, 0, 0, 0, 0, 0, 170000, 0, 170000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-10-09', 170000, 0, 0, 150000, 0, 0, 0, 170000, 150000, 20000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-qingning', '', '2024-04-16', 20000, 0, 0, 0, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-qingning', '', '2024-10-21', 120000, 0, 0, 0, 0, 0, 0, 120000, 0, 120000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-qingning', '', '2024-10-24', 120000, 0, 0, 60000, 0, 0, 0, 120000, 60000, 60000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '', '2024-05-20', 1100000, 100000, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-10-16', 170000, 0, 150000, 150000, 0, 0, 0, 20000, 0, 20000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '助学', '2024-03-13', 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-wanghe', '', '2024-07-12', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-lishanren', '', '2024-10-08', 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '', '2024-11-06', 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-cuizhai', '助老', '2024-11-02', 190000, 0, 150000, 150000, 0, 0, 0, 40000, 0, 40000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-wanghe', '助老', '2024-10-08', 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-qingning', '心智障碍青年支持', '2024-05-24', 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-qingning', '', '2024-10-30', 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_v2_plain.balance_on_day VALUES ('cz-lishanren', '困境儿童', '2024-07-01', 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);


--
-- Data for Name: event_chain; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.event_chain VALUES (1, '\x3860b80954d94b5b9052c551c3b83712601217bb9ac08f08af5eb9be07c1e446');
INSERT INTO golden_v2_plain.event_chain VALUES (2, '\x81043cf4e64e9e2717c3dd83f961ea92b2a1fdc692a3d6f2c20fd879a9549cbe');
INSERT INTO golden_v2_plain.event_chain VALUES (3, '\x393395b5766f9a81d52dada2199091b7869614ee3a3bdbba959f53d23722dc23');
INSERT INTO golden_v2_plain.event_chain VALUES (4, '\x5129b3abf1ce12e116905a9b68968dd5981bf5e45a34d9903904d93bc3ae38c7');
INSERT INTO golden_v2_plain.event_chain VALUES (5, '\x2f6cf83b0def2c1aa3360b974b29fb9c17c3ebad95ae7be115c7dbbb4fb2bcf5');
INSERT INTO golden_v2_plain.event_chain VALUES (6, '\xa67af36669b5d03adc89617d8dbd4c0c418c827373a528a0f20ef0751a9a3f00');
INSERT INTO golden_v2_plain.event_chain VALUES (7, '\x34ea9d928b28a23fc6d3c8984dcf452307c6dfba8a0340fb553d7186cffd2181');
INSERT INTO golden_v2_plain.event_chain VALUES (8, '\x126856f6c1e44c80cdb570cce5e9442fc5cbef3258bff048cda17ba11b14c7c4');
INSERT INTO golden_v2_plain.event_chain VALUES (9, '\x156516b71b22524094361ad7b0e538849d21f983735dc99e0c4f7b604713c8f6');
INSERT INTO golden_v2_plain.event_chain VALUES (10, '\xe94fdac16d0bc4394df484c956464bc50b4ffc31c057f53c0593bb7404c8cfef');
INSERT INTO golden_v2_plain.event_chain VALUES (11, '\x79d9bc9ff3f6baa0fa20ae1c76a3513f6e7ad874db59c88b07091abf350ab4b7');
INSERT INTO golden_v2_plain.event_chain VALUES (12, '\x51045f1ef42cb28d3dcb9643b5a6a716d60b384d3fdcc61358ca515b5b1c5744');
INSERT INTO golden_v2_plain.event_chain VALUES (13, '\xdd38ab8af4e06d998f331bf5e24002db7bdd74a99edc11b8a8ea6a644809ebf0');
INSERT INTO golden_v2_plain.event_chain VALUES (14, '\x5e42d8ad0d1b3e06c7f93b21618bd36538c5dcbe4c61e1d75aa62d3417adf91d');
INSERT INTO golden_v2_plain.event_chain VALUES (15, '\x77f15a3b385e72d2e3cfcf9ff651b418ecea4ed0f10f787e5392205b3b158771');
INSERT INTO golden_v2_plain.event_chain VALUES (16, '\x5a5b195a137b632946cb9319ef68c6be92767b0ec65232e71553d7f7f7257436');
INSERT INTO golden_v2_plain.event_chain VALUES (17, '\x50535f38674f319a6223f6e840868d603518c2aca3b8183716d0e2fe9780b6c0');
INSERT INTO golden_v2_plain.event_chain VALUES (18, '\x5904534cbad237e27b0d1527bbaed4ff5f3c7180d771f135d9fe9bc141460017');
INSERT INTO golden_v2_plain.event_chain VALUES (19, '\x4839aa6c8a1dc64b4094d60c0e179365c365cc20219cfbd5647ad7a652303283');
INSERT INTO golden_v2_plain.event_chain VALUES (20, '\x5da26a9829071ef8c55486f90d99f3450e0a56fd486085839d504d9b75bd2583');
INSERT INTO golden_v2_plain.event_chain VALUES (21, '\x3df2754eb55201a0bc342d203a04f1945e0b57331e4a89ba530a5b05621f791e');
INSERT INTO golden_v2_plain.event_chain VALUES (22, '\x5c1b0facba794d91d04d992c80bc181421f2d3ddeffdf76d6b432b33c17fefb3');
INSERT INTO golden_v2_plain.event_chain VALUES (23, '\x436568e04b67dab5440c2b8ffe1c63216a2c56df45d50fa4d83b5e639816e37f');
INSERT INTO golden_v2_plain.event_chain VALUES (24, '\xa88fcb13b4d485451bdc444209fed527aeaf7670542e38dab0f08a91323587c3');
INSERT INTO golden_v2_plain.event_chain VALUES (25, '\x173d100920be4fcb5a973cb97604256bd5b6f02f12d5b3b3bfdc356dda53bef9');
INSERT INTO golden_v2_plain.event_chain VALUES (26, '\x6e305ed40dc4bd84ce2af4e3c32810b93ea1b0a07786100d271bf63a619ffdf8');
INSERT INTO golden_v2_plain.event_chain VALUES (27, '\x2204927dc55c43c0bd7167fba8c25559c0b1a51c02d018ed97a53d32806f22a2');
INSERT INTO golden_v2_plain.event_chain VALUES (28, '\x7ac092bf6d75fd5732b54275363e61e08d9f17aeaab7336ba15621b8f119c899');
INSERT INTO golden_v2_plain.event_chain VALUES (29, '\xd4d96d44416c23a193339bfdf12fcf4266a1686a5add5e0df9c7e72153294b6c');
INSERT INTO golden_v2_plain.event_chain VALUES (30, '\xf91a7e706de0fee47e384a2dd7026ee0b1f0b18a252b5cfbdd4695bc60ebc401');
INSERT INTO golden_v2_plain.event_chain VALUES (31, '\x331883a7ae3da4c88477ac5c779006b1ed9e2fa7b7d09f9fe24ac6549cf13371');
INSERT INTO golden_v2_plain.event_chain VALUES (32, '\x380c5f0ab9d46ac4e347ece6069c6d84dd8bb04bbd9498a842d1f040872347dc');
INSERT INTO golden_v2_plain.event_chain VALUES (33, '\xb6636745bea07145816ffbc84deae069d0cfe2e01a8c0f5746cf475d90e7475c');
INSERT INTO golden_v2_plain.event_chain VALUES (34, '\xfe9553790b906d0b70a34ca6aaf5d4f972b434d34db93f9b62fc88d9b08c54f9');
INSERT INTO golden_v2_plain.event_chain VALUES (35, '\x8b0f41ea498520b2095b6c09c3ea57671cbfd58cea24d2df8ac948dc46855b47');
INSERT INTO golden_v2_plain.event_chain VALUES (36, '\x99bf3791d5bb156e93e370665f134eed2cbed6366f921927eaa9cb7bc2db8397');
INSERT INTO golden_v2_plain.event_chain VALUES (37, '\x5a35756af8ffcc756acef0756f4046dc905c8caca63a43cee373e34aa0e80501');
INSERT INTO golden_v2_plain.event_chain VALUES (38, '\xf6ac5e595835de766d964409ce49e6cff4635f6673497da3529e07f34dcc8fb2');
INSERT INTO golden_v2_plain.event_chain VALUES (39, '\xc18b3c3dc9fc85ba9e30e3946b1681d3c012649cead8019eb84f422e3b407d92');
INSERT INTO golden_v2_plain.event_chain VALUES (40, '\x7deff4b03e9ac2f5749dca2fd7b832528164ab123b2367f92eff7c009a5d3cb2');
INSERT INTO golden_v2_plain.event_chain VALUES (41, '\xa112e8277ec3e4aa4ec790b7702f966551cad9ebd41210f402f63100fb89096f');
INSERT INTO golden_v2_plain.event_chain VALUES (42, '\x8c9602417007f7a39c1d3686ae568467a43b5c92967b275a2f4846c83dc720ed');
INSERT INTO golden_v2_plain.event_chain VALUES (43, '\x07b8bca412bbc279c1a3824775539ad62d455189f1f15e87faf6e0c3faf6af32');
INSERT INTO golden_v2_plain.event_chain VALUES (44, '\x4c4a5617e7a9d358680e8cf91b511fd8e297ac1ab4af7fd50bbb96b06fdcd478');
INSERT INTO golden_v2_plain.event_chain VALUES (45, '\x738f30109831c75f2bd3f8c18bfacea35d1b9b8f7bf3d725e69903340b3b8031');
INSERT INTO golden_v2_plain.event_chain VALUES (46, '\x53a4269fb0a7d17afce69a021ff46f1b864e3f81a3d275faf069e34dd0639ebd');
INSERT INTO golden_v2_plain.event_chain VALUES (47, '\x1ac0dc1bf77a47d52802672733631d066d184921ff68a20548ba3f826ff088ec');
INSERT INTO golden_v2_plain.event_chain VALUES (48, '\xeeec0c986fbb2dd5fbcd63a8112a2aa56fe8c843e1b741258d8b3d47d1537d9c');
INSERT INTO golden_v2_plain.event_chain VALUES (49, '\xd2f802c24eabaa49de436803dcece6e59ad9d555a89cf51da2350bc2e3082fc1');
INSERT INTO golden_v2_plain.event_chain VALUES (50, '\xe2eae41b1b83b47c63f6453a4eefbd99b7800d727786ef7e8135a23eb4485cc4');
INSERT INTO golden_v2_plain.event_chain VALUES (51, '\x4fb700d3e19a64bd804dc56947f79f2ae0a2bb086ec238cf247aa5a822054445');
INSERT INTO golden_v2_plain.event_chain VALUES (52, '\x9bd4a9a0d4e4c919c3f48f3cf24fa698643f8e52f39671f87189c7d243c95027');
INSERT INTO golden_v2_plain.event_chain VALUES (53, '\x356b2bda28a22530f750dcc8eb2d4bde59de776d4bba980d6c2b6d439655cd20');
INSERT INTO golden_v2_plain.event_chain VALUES (54, '\x7a4ea3141e1a0075acb7f132ccf8dd4f5bb01b8102917a5c22a39c8567cd1a52');
INSERT INTO golden_v2_plain.event_chain VALUES (55, '\xea2d1fff904222915ea98f9edccedd8c8770c6e323fae9eab506688cecc6ae57');
INSERT INTO golden_v2_plain.event_chain VALUES (56, '\x9597b0bc32b99b7711b7792190e08452cb3ab31b044e9853a68af35d47e0d203');
INSERT INTO golden_v2_plain.event_chain VALUES (57, '\x9c8d7a91d987dafe974ed94dc7283193b5f11aa3f72e5c70f3c4224dca35a358');
INSERT INTO golden_v2_plain.event_chain VALUES (58, '\xc1a0c5a4fa2622cb05f3dbe090301ea8cc31b1c1f3f5fc30f457b117da110897');
INSERT INTO golden_v2_plain.event_chain VALUES (59, '\xd3bf935834219acd8afe722c2805a63a8c25f9f14b2ec4380a5f2cc3a67d6735');
INSERT INTO golden_v2_plain.event_chain VALUES (60, '\xc191e43800e7674aef74b4ef0db6af6233743d3134b7d984616802dcbc71359b');
INSERT INTO golden_v2_plain.event_chain VALUES (61, '\x876ff6e3589ee465ebd747ae45b46086b565c82884ba6685329ba68fd034d0d0');
INSERT INTO golden_v2_plain.event_chain VALUES (62, '\xc6763b6b49c7c153559e14a242c9b2fef7cbf0a9f9fbdbd62093c094b11f3072');
INSERT INTO golden_v2_plain.event_chain VALUES (63, '\x3c371591f671785282aed62146099fde2f2ada1c4752f3bd9491e881e272f802');
INSERT INTO golden_v2_plain.event_chain VALUES (64, '\xca5088c74a0ae050a476474780b35eefd0eb955a233cd467f5171ab4e0d0dfd0');
INSERT INTO golden_v2_plain.event_chain VALUES (65, '\xb967fa393f20fca351eef8a81dff8719e7e88cb1b54c7cc087830d7deeb973f4');
INSERT INTO golden_v2_plain.event_chain VALUES (66, '\x17fa8d8adfb7ced11d50e622daaec465dd39af2601c399c6fec30165bb837cd0');
INSERT INTO golden_v2_plain.event_chain VALUES (67, '\x29bbd35e80d543114fe15cf1f0b260627240291bf71d0ef69b26444812418cb8');
INSERT INTO golden_v2_plain.event_chain VALUES (68, '\x80495e76756ad6e503b399782f1e3d6faa1bd0390d7e0e093caa46da08961ad4');
INSERT INTO golden_v2_plain.event_chain VALUES (69, '\x21e17cc53b2ef953824e937f713c8478fcb2bbcc00dab938cb6ed9e0a589408c');
INSERT INTO golden_v2_plain.event_chain VALUES (70, '\xf0959495c4e55fb2a043cce929961b0724db5ca7745cfe425f74f9ad63ee3c11');
INSERT INTO golden_v2_plain.event_chain VALUES (71, '\xb97d466dd78ddd8359aa5aeb708267f50944a9615d26adc0231f7ab4be5aa2be');
INSERT INTO golden_v2_plain.event_chain VALUES (72, '\x129d5c1072ef1beca5b7abd6bfb94a65bafdd07e26e28e0f4645f0b04321b1c7');
INSERT INTO golden_v2_plain.event_chain VALUES (73, '\x1fd20918ce024f2262698a663840835e60bc55effbd212c5c546635d9aa3aace');
INSERT INTO golden_v2_plain.event_chain VALUES (74, '\x04ecb9a515ab32ddc4eaa97a8b975f6dd1d121dc83285d6be66905341d828508');
INSERT INTO golden_v2_plain.event_chain VALUES (75, '\x893cab2d7114495cb60342440f5a4bcaba3b76411fb343474347f865a903cdbb');
INSERT INTO golden_v2_plain.event_chain VALUES (76, '\xa22ee57c87a0eef426a10d7da924d44bee9d971c66ae24b882ccde9f002ee422');
INSERT INTO golden_v2_plain.event_chain VALUES (77, '\x17efcf41b13d78a946f4209a2df3a4c25cf3f320e0b4e01fbfa3271ce2901136');
INSERT INTO golden_v2_plain.event_chain VALUES (78, '\xf389fdbaf8e09527c04f79b4ed07690213cd83a804047d7a2972df195f719144');
INSERT INTO golden_v2_plain.event_chain VALUES (79, '\xe7cbd242eafeb121813b390f7b18a5b49a3b0280a85c66fb96c9e94808e9cb42');
INSERT INTO golden_v2_plain.event_chain VALUES (80, '\xf039476286353028b8e4bd74f12d2c1cf3d26641696679701b8cff9df4f09926');
INSERT INTO golden_v2_plain.event_chain VALUES (81, '\x76b991d93dc5f918ae1bc8d664980aeed61895eebaeaf90e09da09f8f68bc144');
INSERT INTO golden_v2_plain.event_chain VALUES (82, '\x9cf308fdb57483d96e64ce328b95ab5d8737ccdeefa40faa928e89cfbf194fcb');
INSERT INTO golden_v2_plain.event_chain VALUES (83, '\xd6d4e6e8866e179bc8e95784dac526a64fe3e159706f494a9167fd6106eb4c05');
INSERT INTO golden_v2_plain.event_chain VALUES (84, '\x96b950b1fd26bff53f2cdd9c6ab870e42bc44b3dd248cf222a7867ac429bd9d8');
INSERT INTO golden_v2_plain.event_chain VALUES (85, '\xd08a84536a037b65ee12893523b3d232c0ccd181572fc5c30aef80e6eca03d82');
INSERT INTO golden_v2_plain.event_chain VALUES (86, '\x299df193dfd2ba14a1ef636b82970178c18c3fb4427677d8df7cad51a3693a5a');
INSERT INTO golden_v2_plain.event_chain VALUES (87, '\x78eef854c7728f1d37518ad480bb8de167a6c4ac85576f13f36bc99a4a09e465');
INSERT INTO golden_v2_plain.event_chain VALUES (88, '\xe7550a1bb6329ef715831de6e196b3bd17d11871a1b12ff8ea4a4a89c9812f0b');


--
-- Data for Name: event_chain_meta; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.event_chain_meta VALUES ('format', '1');
INSERT INTO golden_v2_plain.event_chain_meta VALUES ('algorithm', 'sha256');
INSERT INTO golden_v2_plain.event_chain_meta VALUES ('cipher', 'none');
INSERT INTO golden_v2_plain.event_chain_meta VALUES ('text', 'canonical-v1');


--
-- Data for Name: fund_balances; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.fund_balances VALUES ('cz-cuizhai', '助学', 'cuizhai', 2000000, 0, 600000, 600000, 0, 0, 0, 1400000, 0, 1400000);
INSERT INTO golden_v2_plain.fund_balances VALUES ('cz-wanghe', '', 'cuizhai', 1000000, 0, 0, 0, 0, 0, 0, 1000000, 0, 1000000);
INSERT INTO golden_v2_plain.fund_balances VALUES ('cz-lishanren', '', 'cuizhai', 500000, 0, 120000, 120000, 0, 0, 0, 380000, 0, 380000);
INSERT INTO golden_v2_plain.fund_balances VALUES ('cz-cuizhai', '', 'cuizhai', 1100000, 100000, 0, 200000, 0, 0, 0, 1000000, 200000, 800000);
INSERT INTO golden_v2_plain.fund_balances VALUES ('cz-cuizhai', '助老', 'cuizhai', 190000, 0, 150000, 150000, 0, 0, 0, 40000, 0, 40000);
INSERT INTO golden_v2_plain.fund_balances VALUES ('cz-wanghe', '助老', 'cuizhai', 230000, 0, 180000, 180000, 0, 0, 0, 50000, 0, 50000);
INSERT INTO golden_v2_plain.fund_balances VALUES ('cz-qingning', '心智障碍青年支持', 'cuizhai', 500000, 0, 240000, 240000, 0, 0, 0, 260000, 0, 260000);
INSERT INTO golden_v2_plain.fund_balances VALUES ('cz-qingning', '', 'cuizhai', 120000, 0, 0, 60000, 60000, 0, 0, 120000, 0, 120000);
INSERT INTO golden_v2_plain.fund_balances VALUES ('cz-lishanren', '困境儿童', 'cuizhai', 680000, 0, 360000, 360000, 0, 0, 0, 320000, 0, 320000);


--
-- Data for Name: fund_goods; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.fund_goods VALUES ('cz-cuizhai', '大米(10kg)', '袋', '助老', 'cuizhai', 10, 60000);
INSERT INTO golden_v2_plain.fund_goods VALUES ('cz-cuizhai', '食用油(5L)', '桶', '助老', 'cuizhai', 10, 70000);
INSERT INTO golden_v2_plain.fund_goods VALUES ('cz-qingning', '儿童图书', '本', '', 'cuizhai', 120, 0);
INSERT INTO golden_v2_plain.fund_goods VALUES ('cz-lishanren', '书包', '个', '困境儿童', 'cuizhai', 15, 120000);
INSERT INTO golden_v2_plain.fund_goods VALUES ('cz-lishanren', '文具套装', '套', '困境儿童', 'cuizhai', 15, 45000);


--
-- Data for Name: funds; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.funds VALUES ('cz-cuizhai', 'cuizhai', '崔寨村', '崔寨村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 650000, 520000, 1, 0);
INSERT INTO golden_v2_plain.funds VALUES ('cz-lishanren', 'cuizhai', '李善仁村', '李善仁村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 660000, 495000, 2, 0);
INSERT INTO golden_v2_plain.funds VALUES ('cz-wanghe', 'cuizhai', '王河村', '王河村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 0, 0, 3, 0);
INSERT INTO golden_v2_plain.funds VALUES ('cz-qingning', 'cuizhai', '清宁村', '清宁村社区基金', '山东省乡村振兴基金会', '2024-01-08', '', 0, 0, 4, 0);


--
-- Data for Name: sgzledger_events; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 1, 'FundOpened.v1', '\x8da474797065aa46756e644f70656e6564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff67870891a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3038a766756e645f6964aa637a2d6375697a686169aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e5b494e5afa8e69d91a46e616d65b5e5b494e5afa8e69d91e7a4bee58cbae59fbae98791a4686f7374bee5b1b1e4b89ce79c81e4b9a1e69d91e68cafe585b4e59fbae98791e4bc9ab6617070726f76616c5f7468726573686f6c645f66656ece0007a120b27075626c69636974795f7265717569726564c3', 1);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 1, 'FundOpened.v1', '\x8da474797065aa46756e644f70656e6564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff67870892a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3038a766756e645f6964ac637a2d6c697368616e72656eaa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479ace69d8ee59684e4bb81e69d91a46e616d65b8e69d8ee59684e4bb81e69d91e7a4bee58cbae59fbae98791a4686f7374bee5b1b1e4b89ce79c81e4b9a1e69d91e68cafe585b4e59fbae98791e4bc9ab6617070726f76616c5f7468726573686f6c645f66656ece000493e0b27075626c69636974795f7265717569726564c3', 2);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 1, 'FundOpened.v1', '\x8da474797065aa46756e644f70656e6564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff67870893a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3038a766756e645f6964a9637a2d77616e676865aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e78e8be6b2b3e69d91a46e616d65b5e78e8be6b2b3e69d91e7a4bee58cbae59fbae98791a4686f7374bee5b1b1e4b89ce79c81e4b9a1e69d91e68cafe585b4e59fbae98791e4bc9ab6617070726f76616c5f7468726573686f6c645f66656ece000493e0b27075626c69636974795f7265717569726564c3', 3);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 1, 'FundOpened.v1', '\x8da474797065aa46756e644f70656e6564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff67870894a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3038a766756e645f6964ab637a2d71696e676e696e67aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e6b885e5ae81e69d91a46e616d65b5e6b885e5ae81e69d91e7a4bee58cbae59fbae98791a4686f7374bee5b1b1e4b89ce79c81e4b9a1e69d91e68cafe585b4e59fbae98791e4bc9ab6617070726f76616c5f7468726573686f6c645f66656ece000493e0b27075626c69636974795f7265717569726564c3', 4);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 2, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff67870895a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3135aa726563656970745f6e6fab5358323032342d30303031a5646f6e6f72d924e5b1b1e4b89ce6b6a6e6b3bde5869ce4b89ae7a791e68a80e69c89e99990e585ace58fb8ab7265737472696374696f6ea6e58aa9e5ada6aa616d6f756e745f66656ece001e8480a46e6f7465a0ac646f6e6f725f7365616c6564c0', 5);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 3, 'InKindDonationReceived.v1', '\x8ca474797065b6496e4b696e64446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff67870896a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3235aa726563656970745f6e6fab5358323032342d30303032a5646f6e6f72b8e6b58ee58d97e9bd90e9b281e683a0e6b091e8b685e5b882ab7265737472696374696f6ea6e58aa9e88081a56974656d739285a46974656dace5a4a7e7b1b32831306b6729a87175616e7469747932a4756e6974a3e8a28ba976616c75655f66656ece000493e0a56261736973a8646f63756d656e7485a46974656dade9a39fe794a8e6b2b928354c29a87175616e7469747932a4756e6974a3e6a1b6a976616c75655f66656ece00055730a56261736973a8646f63756d656e74a46e6f7465d92de698a5e88a82e685b0e997aee789a9e8b584efbc8ce68c89e8b685e5b882e587bae5ba93e58d95e8aea1e4bbb7ac646f6e6f725f7365616c6564c0', 6);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 2, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff67870897a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30312d3330aa726563656970745f6e6fab5358323032342d30303033a5646f6e6f72b8e78e8be6b2b3e69d91e4b9a1e8b4a4e79086e4ba8be4bc9aab7265737472696374696f6ea0aa616d6f756e745f66656ece000f4240a46e6f7465a0ac646f6e6f725f7365616c6564c0', 7);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 4, 'GoodsDistributed.v1', '\x8fa474797065b0476f6f64734469737472696275746564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff67870898a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30322d3032af646973747269627574696f6e5f6964ad46462d435a2d323032342d3031a46974656dace5a4a7e7b1b32831306b6729a4756e6974a3e8a28ba87175616e7469747928a976616c75655f66656ece0003a980a9726563697069656e74d923e5b494e5afa8e69d91e78bace5b185e58f8ae9ab98e9be84e88081e4baba3430e688b7ad7369676e65645f6f66665f6279a9e5b494e5bbbae59bbda7707572706f7365b2e698a5e88a82e8b5b0e8aebfe685b0e997aeab7265737472696374696f6ea6e58aa9e88081', 8);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 5, 'GoodsDistributed.v1', '\x8fa474797065b0476f6f64734469737472696275746564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff67870899a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30322d3032af646973747269627574696f6e5f6964ad46462d435a2d323032342d3032a46974656dade9a39fe794a8e6b2b928354c29a4756e6974a3e6a1b6a87175616e7469747928a976616c75655f66656ece000445c0a9726563697069656e74d923e5b494e5afa8e69d91e78bace5b185e58f8ae9ab98e9be84e88081e4baba3430e688b7ad7369676e65645f6f66665f6279a9e5b494e5bbbae59bbda7707572706f7365b2e698a5e88a82e8b5b0e8aebfe685b0e997aeab7265737472696374696f6ea6e58aa9e88081', 9);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 2, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff6787089aa56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30322d3138aa726563656970745f6e6fab5358323032342d30303034a5646f6e6f72a9e69d8ee5beb7e7a68fab7265737472696374696f6ea0aa616d6f756e745f66656ece0007a120a46e6f7465bbe59ca8e5a496e7bb8fe59586e79a84e69cace69d91e69d91e6b091ac646f6e6f725f7365616c6564c0', 10);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 6, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff6787089ba56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30322d3230aa726563656970745f6e6fab5358323032342d30303035a5646f6e6f72b2e5b494e5afa8e8a197e98193e59586e4bc9aab7265737472696374696f6ea0aa616d6f756e745f66656ece000c3500a46e6f7465a0ac646f6e6f725f7365616c6564c0', 11);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 7, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff6787089ca56163746f72a6e5ad99e682a6ab6f636375727265645f6f6eaa323032342d30332d3031aa726571756573745f6964ad53512d435a2d323032342d3031aa616d6f756e745f66656ece000927c0a7707572706f7365d92ee698a5e5ada3e59bb0e5a283e584bfe7aba5e58aa9e5ada6e98791efbc883132e4babac397353030e58583efbc89ab7265737472696374696f6ea6e58aa9e5ada6a57061796565d920e5b494e5afa8e69d91e59bb0e5a283e584bfe7aba5e5aeb6e5baad3132e688b7', 12);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 8, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff6787089da56163746f72a9e5b494e5bbbae59bbdab6f636375727265645f6f6eaa323032342d30332d3034aa726571756573745f6964ad53512d435a2d323032342d3031ab7265737472696374696f6ea6e58aa9e5ada6ac72657365727665645f66656e00', 13);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 9, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e09a974696d657374616d70d6ff6787089ea56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30332d3035aa726563656970745f6e6fab5358323032342d30303036a5646f6e6f72c0ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ecdc350a46e6f7465a0ac646f6e6f725f7365616c6564c0', 14);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 10, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0aa974696d657374616d70d6ff6787089fa56163746f72a9e5b494e7a780e88bb1ab6f636375727265645f6f6eaa323032342d30332d3035aa726571756573745f6964ad53512d435a2d323032342d3031ab7265737472696374696f6ea6e58aa9e5ada6ac72657365727665645f66656ece000927c0', 15);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 11, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0ba974696d657374616d70d6ff678708a0a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30332d3036aa726571756573745f6964ad53512d435a2d323032342d3031aa6e6f746963655f726566bde5b494e5afa8e69d91e585ace7a4bae3809432303234e3809531e58fb7ab6e6f746963655f66726f6daa323032342d30332d3036a96e6f746963655f746faa323032342d30332d3132', 16);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 3, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708a1a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30332d3038aa726563656970745f6e6fab5358323032342d30303037a5646f6e6f72a9e78e8be7a780e585b0ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ecd7530a46e6f7465a0ac646f6e6f725f7365616c6564c0', 17);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 12, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0ca974696d657374616d70d6ff678708a2a56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d30332d3133aa726571756573745f6964ad53512d435a2d323032342d3031aa766f75636865725f6e6fab505a2d323032342d303331ab7265737472696374696f6ea6e58aa9e5ada6aa616d6f756e745f66656ece000927c0a57061796565d920e5b494e5afa8e69d91e59bb0e5a283e584bfe7aba5e5aeb6e5baad3132e688b7a7707572706f7365d92ee698a5e5ada3e59bb0e5a283e584bfe7aba5e58aa9e5ada6e98791efbc883132e4babac397353030e58583efbc89', 18);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 2, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff678708a3a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30342d3032aa726563656970745f6e6fab5358323032342d30303038a5646f6e6f72d924e5b1b1e4b89ce6b885e6ba90e78eafe4bf9de7a791e68a80e69c89e99990e585ace58fb8ab7265737472696374696f6eb8e5bf83e699bae99a9ce7a28de99d92e5b9b4e694afe68c81aa616d6f756e745f66656ece0007a120a46e6f7465a0ac646f6e6f725f7365616c6564c0', 19);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 13, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0da974696d657374616d70d6ff678708a4a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30342d3130aa726563656970745f6e6fab5358323032342d30303039a5646f6e6f72a9e5b494e5b9bfe6988eab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ece0001d4c0a46e6f7465a0ac646f6e6f725f7365616c6564c0', 20);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 3, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708a5a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30342d3136aa726563656970745f6e6fab5358323032342d30303130a5646f6e6f72a9e8b5b5e6a182e88a9dab7265737472696374696f6ea0aa616d6f756e745f66656ecd4e20a46e6f7465a0ac646f6e6f725f7365616c6564c0', 21);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 14, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0ea974696d657374616d70d6ff678708a6a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30352d3036aa726563656970745f6e6fab5358323032342d30303131a5646f6e6f72bee6b58ee58d97e991abe79b9be789a9e6b581e69c89e99990e585ace58fb8ab7265737472696374696f6ea0aa616d6f756e745f66656ece000493e0a46e6f7465a0ac646f6e6f725f7365616c6564c0', 22);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 5, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708a8a56163746f72a9e5bca0e6b885e6b389ab6f636375727265645f6f6eaa323032342d30352d3135aa726571756573745f6964ad53512d514e2d323032342d3031ab7265737472696374696f6eb8e5bf83e699bae99a9ce7a28de99d92e5b9b4e694afe68c81ac72657365727665645f66656ece0003a980', 24);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 4, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708a7a56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d30352d3133aa726571756573745f6964ad53512d514e2d323032342d3031aa616d6f756e745f66656ece0003a980a7707572706f7365d927e2809ce6b798e4b990e4b990e2809de9a9bfe7ab99e6898be5b7a5e5ae9ee8aeade69d90e69699ab7265737472696374696f6eb8e5bf83e699bae99a9ce7a28de99d92e5b9b4e694afe68c81a57061796565bee6b58ee58d97e5889be889bae6898be5b7a5e69d90e69699e59586e8a18c', 23);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 4, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708ada56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30362d3031aa726563656970745f6e6fab5358323032342d30303133a5646f6e6f72bee6b58ee58d97e9b281e58c97e5bbbae69d90e69c89e99990e585ace58fb8ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5aa616d6f756e745f66656ece000927c0a46e6f7465a0ac646f6e6f725f7365616c6564c0', 29);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 4, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708b3a56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d30372d3038aa726571756573745f6964ad53512d57482d323032342d3031aa616d6f756e745f66656ece0006ddd0a7707572706f7365bbe8b4ade7bdaee5b9bfe59cbae8889ee99fb3e5938de8aebee5a487ab7265737472696374696f6ea0a57061796565b8e6b58ee58d97e5a3b0e6b5b7e794b5e599a8e59586e8a18c', 35);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 6, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708b9a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30392d3130aa726563656970745f6e6fab5358323032342d30303136a5646f6e6f72c0ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ece00030d40a46e6f7465a0ac646f6e6f725f7365616c6564c0', 41);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 15, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0fa974696d657374616d70d6ff678708bfa56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30392d3238aa726571756573745f6964ae53512d4c53522d323032342d3032aa6e6f746963655f726566d920e69d8ee59684e4bb81e69d91e585ace7a4bae3809432303234e3809532e58fb7ab6e6f746963655f66726f6daa323032342d30392d3238a96e6f746963655f746faa323032342d31302d3034', 47);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 19, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e13a974696d657374616d70d6ff678708c5a56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d31302d3136aa726571756573745f6964ad53512d435a2d323032342d3032aa766f75636865725f6e6fab505a2d323032342d313039ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ece000249f0a57061796565b8e6b58ee58d97e9bd90e9b281e683a0e6b091e8b685e5b882a7707572706f7365bee9878de998b3e88a82e9ab98e9be84e88081e4babae685b0e997aee59381', 53);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 21, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e15a974696d657374616d70d6ff678708cba56163746f72a9e5b494e5bbbae59bbdab6f636375727265645f6f6eaa323032342d31312d3036aa726571756573745f6964ad53512d435a2d323032342d3033ab7265737472696374696f6ea0ac72657365727665645f66656ece00030d40', 59);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 1, 'VolunteerRegistered.v1', '\x8ea474797065b3566f6c756e7465657252656769737465726564ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708cfa56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031ac766f6c756e746565725f6964a6562d30303032aa73746174696f6e5f6964a76375697a686169af706572736f6e616c5f7365616c6564c48a0216f144e514846d0a68bc349c41adf788a97daf8db07c6a05810b01a12edce967f82c9b1ccd9bda4cedf995f7a34ab7f083356e57acc14ab0cbc2020c8ab712a7f5223bd32c89eeebd4e8680a1b4744789452e3807d455dd7c13bcba2be9a739e9b0b73402ba43463de844766cb7daa3610088427741d6e7a032d7114629edc09947089819748d8904ca769645f68617368d94037353364643465363430373362653462343634393935656630626135383437363663373465363131316465626234303637333335623031613062333535653430a6736b696c6c7390aa63617465676f7269657390a7636f6e73656e74c3ad726567697374657265645f6f6eaa323032342d30332d3031', 64);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 2, 'VolunteerJoinedTeam.v1', '\x87a474797065b3566f6c756e746565724a6f696e65645465616dad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff678708cfa56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989f', 65);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 5, 'ServiceApproved.v1', '\x88a474797065af53657276696365417070726f766564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708d7a56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d31aa6475726174696f6e5f73cd2328', 74);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 6, 'ServiceApproved.v1', '\x88a474797065af53657276696365417070726f766564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708daa56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d34aa6475726174696f6e5f73cd1c20', 77);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 6, 'HoursBanked.v1', '\x89a474797065ab486f75727342616e6b6564ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708dea56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d32aa6475726174696f6e5f73cd2a30a86372656469745f73cd2a30', 81);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 6, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708a9a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30352d3136aa726571756573745f6964ad53512d514e2d323032342d3031aa6e6f746963655f726566bde6b885e5ae81e69d91e585ace7a4bae3809432303234e3809531e58fb7ab6e6f746963655f66726f6daa323032342d30352d3136a96e6f746963655f746faa323032342d30352d3232', 25);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 6, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708afa56163746f72a9e69d8ee995bfe6b5b7ab6f636375727265645f6f6eaa323032342d30362d3139aa726571756573745f6964ae53512d4c53522d323032342d3031ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5ac72657365727665645f66656e00', 31);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 8, 'InKindDonationReceived.v1', '\x8ca474797065b6496e4b696e64446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff678708b5a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30372d3230aa726563656970745f6e6fab5358323032342d30303134a5646f6e6f72c0ab7265737472696374696f6ea0a56974656d739185a46974656dace584bfe7aba5e59bbee4b9a6a87175616e7469747978a4756e6974a3e69caca976616c75655f66656ec0a56261736973a8756e76616c756564a46e6f7465d942e5b185e6b091e58cbfe5908de68d90e8b5a0e697a7e4b9a6efbc8ce697a0e587ade68daee38081e697a0e6b395e4bcb0e580bcefbc8ce4b88de8aea1e98791e9a29dac646f6e6f725f7365616c6564c0', 37);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 13, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0da974696d657374616d70d6ff678708bba56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d30392d3234aa726571756573745f6964ae53512d4c53522d323032342d3032aa616d6f756e745f66656ece0001d4c0a7707572706f7365d927e3808ae69585e4b9a1e79795e3808be69d91e58fb2e69585e4ba8be6b187e7bc96e58db0e588b7ab7265737472696374696f6ea0a57061796565bee6b58ee58d97e6988ee5beb7e58db0e58aa1e69c89e99990e585ace58fb8', 43);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 16, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e10a974696d657374616d70d6ff678708c1a56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d31302d3038aa726571756573745f6964ae53512d4c53522d323032342d3032aa766f75636865725f6e6fab505a2d323032342d313034ab7265737472696374696f6ea0aa616d6f756e745f66656ece0001d4c0a57061796565bee6b58ee58d97e6988ee5beb7e58db0e58aa1e69c89e99990e585ace58fb8a7707572706f7365d927e3808ae69585e4b9a1e79795e3808be69d91e58fb2e69585e4ba8be6b187e7bc96e58db0e588b7', 49);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 10, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e0aa974696d657374616d70d6ff678708c7a56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d31302d3232aa726571756573745f6964ad53512d514e2d323032342d3032aa616d6f756e745f66656ecdea60a7707572706f7365bbe7a78be5ada3e982bbe9878ce8bf90e58aa8e4bc9ae5a596e59381ab7265737472696374696f6ea0a57061796565b5e6b885e5ae81e69d91e4bebfe6b091e8b685e5b882', 55);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 1, 'VolunteerRegistered.v1', '\x8ea474797065b3566f6c756e7465657252656769737465726564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708cea56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031ac766f6c756e746565725f6964a6562d30303031aa73746174696f6e5f6964a76375697a686169af706572736f6e616c5f7365616c6564c48a0251e8b64e7cd8b86a468c53e73d4eaa2817cf21827528a09591a9349b2f27fa9a652f30389ca1469c2478bbf40ca7788dd9ea888c3de8f1ee6f69a76abe943e197abdcaf864de60c25d189108cdde9b6b979dab4e7b37ed89cc85ef0ec8e5020b3fed4d472e79fe35b2dce934970d616dc133ddc567fdd68b5a2275b6a34f3a770d7ae167f4fad9b144a769645f68617368d94037393561326335386563663033316462363537346162333738373363373964386331336435636465376466636466393835666630386437633630613239326432a6736b696c6c7390aa63617465676f7269657390a7636f6e73656e74c3ad726567697374657265645f6f6eaa323032342d30332d3031', 62);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 2, 'VolunteerJoinedTeam.v1', '\x87a474797065b3566f6c756e746565724a6f696e65645465616dad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff678708cea56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989f', 63);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 4, 'ServiceApproved.v1', '\x88a474797065af53657276696365417070726f766564ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708d8a56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d32aa6475726174696f6e5f73cd3039', 75);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 5, 'ServiceVoided.v1', '\x89a474797065ad53657276696365566f69646564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708dca56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d33a9636f756e7465645f73cd1518a6726561736f6eace9878de5a48de799bbe8aeb0', 79);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 8, 'HoursRedeemed.v1', '\x8ca474797065ad486f75727352656465656d6564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff678708dfa56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132ad726564656d7074696f6e5f6964a3582d31a86372656469745f73cd0e10a46974656dace79086e58f91e69c8de58aa1a87175616e7469747901ac636f756e7465727061727479afe788b1e5bf83e79086e58f91e5ba97a8617070726f766572a6e7ab99e995bf', 82);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 15, 'DonationRefunded.v1', '\x8ba474797065b0446f6e6174696f6e526566756e646564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e0fa974696d657374616d70d6ff678708aaa56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d30352d3230a9726566756e645f6964aa544b2d323032342d3031aa726563656970745f6e6fab5358323032342d30303131ab7265737472696374696f6ea0aa616d6f756e745f66656ece000186a0a6726561736f6ed934e68d90e8b5a0e696b9e8b4a2e58aa1e5a49ae8bdac31303030e58583efbc8ce7bb8fe6a0b8e5ae9ee58e9fe8b7afe98080e59b9e', 26);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 7, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708b0a56163746f72a9e69d8ee698a5e6a285ab6f636375727265645f6f6eaa323032342d30362d3230aa726571756573745f6964ae53512d4c53522d323032342d3031ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5ac72657365727665645f66656ece00057e40', 32);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 10, 'InKindDonationReceived.v1', '\x8ca474797065b6496e4b696e64446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0aa974696d657374616d70d6ff678708b6a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30382d3230aa726563656970745f6e6fab5358323032342d30303135a5646f6e6f72d924e5b1b1e4b89ce590afe6988ee69687e58c96e794a8e59381e69c89e99990e585ace58fb8ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5a56974656d739285a46974656da6e4b9a6e58c85a87175616e746974793ca4756e6974a3e4b8aaa976616c75655f66656ece00075300a56261736973a8646f63756d656e7485a46974656dace69687e585b7e5a597e8a385a87175616e746974793ca4756e6974a3e5a597a976616c75655f66656ece0002bf20a56261736973aa666169725f76616c7565a46e6f7465d93ce4b9a6e58c85e68c89e68d90e8b5a0e58f91e7a5a8e8aea1e4bbb7efbc9be69687e585b7e5a597e8a385e68c89e5b882e59cbae4bbb7e4bcb0e580bcac646f6e6f725f7365616c6564c0', 38);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 8, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff678708bca56163746f72a9e78e8be6a182e585b0ab6f636375727265645f6f6eaa323032342d30392d3235aa726571756573745f6964ad53512d57482d323032342d3032ab7265737472696374696f6ea6e58aa9e88081ac72657365727665645f66656ece0002bf20', 44);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 16, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e10a974696d657374616d70d6ff678708c2a56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d31302d3038aa726571756573745f6964ad53512d435a2d323032342d3032aa616d6f756e745f66656ece000249f0a7707572706f7365bee9878de998b3e88a82e9ab98e9be84e88081e4babae685b0e997aee59381ab7265737472696374696f6ea6e58aa9e88081a57061796565b8e6b58ee58d97e9bd90e9b281e683a0e6b091e8b685e5b882', 50);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 11, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e0ba974696d657374616d70d6ff678708c8a56163746f72a9e58898e78e89e88ab3ab6f636375727265645f6f6eaa323032342d31302d3234aa726571756573745f6964ad53512d514e2d323032342d3032ab7265737472696374696f6ea0ac72657365727665645f66656ecdea60', 56);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 7, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708aba56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d30352d3234aa726571756573745f6964ad53512d514e2d323032342d3031aa766f75636865725f6e6fab505a2d323032342d303538ab7265737472696374696f6eb8e5bf83e699bae99a9ce7a28de99d92e5b9b4e694afe68c81aa616d6f756e745f66656ece0003a980a57061796565bee6b58ee58d97e5889be889bae6898be5b7a5e69d90e69699e59586e8a18ca7707572706f7365d927e2809ce6b798e4b990e4b990e2809de9a9bfe7ab99e6898be5b7a5e5ae9ee8aeade69d90e69699', 27);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 8, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff678708b1a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30362d3231aa726571756573745f6964ae53512d4c53522d323032342d3031aa6e6f746963655f726566d920e69d8ee59684e4bb81e69d91e585ace7a4bae3809432303234e3809531e58fb7ab6e6f746963655f66726f6daa323032342d30362d3231a96e6f746963655f746faa323032342d30362d3237', 33);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 11, 'GoodsDistributed.v1', '\x8fa474797065b0476f6f64734469737472696275746564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0ba974696d657374616d70d6ff678708b7a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30392d3032af646973747269627574696f6e5f6964ae46462d4c53522d323032342d3031a46974656da6e4b9a6e58c85a4756e6974a3e4b8aaa87175616e746974792da976616c75655f66656ece00057e40a9726563697069656e74d926e69d8ee59684e4bb81e69d91e58f8ae591a8e8beb9e59bb0e5a283e584bfe7aba53435e4babaad7369676e65645f6f66665f6279a9e69d8ee698a5e6a285a7707572706f7365b2e5bc80e5ada6e58aa9e5ada6e7a4bce58c85ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5', 39);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 9, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e09a974696d657374616d70d6ff678708bda56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30392d3236aa726571756573745f6964ad53512d57482d323032342d3032aa6e6f746963655f726566bde78e8be6b2b3e69d91e585ace7a4bae3809432303234e3809531e58fb7ab6e6f746963655f66726f6daa323032342d30392d3236a96e6f746963655f746faa323032342d31302d3032', 45);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 17, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e11a974696d657374616d70d6ff678708c3a56163746f72a9e5b494e7a780e88bb1ab6f636375727265645f6f6eaa323032342d31302d3039aa726571756573745f6964ad53512d435a2d323032342d3032ab7265737472696374696f6ea6e58aa9e88081ac72657365727665645f66656ece000249f0', 51);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 12, 'DisbursementCancelled.v1', '\x8aa474797065b544697362757273656d656e7443616e63656c6c6564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e0ca974696d657374616d70d6ff678708c9a56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d31302d3330aa726571756573745f6964ad53512d514e2d323032342d3032ab7265737472696374696f6ea0ac72656c65617365645f66656ecdea60a6726561736f6ed92de8bf90e58aa8e4bc9ae59ba0e8bf9ee7bbade9998de99ba8e58f96e6b688efbc8ce794b3e8afb7e692a4e59b9e', 57);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('c689d5c1-4a74-523a-9e65-ab2034ea577a', 1, 'StationPolicySet.v1', '\x8ca474797065b053746174696f6e506f6c696379536574ad6f726967696e61746f725f6964c410c689d5c14a74523a9e65ab2034ea577ab26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708cda56163746f72a6e7ab99e995bfab6f636375727265645f6f6eaa323032342d30332d3031aa73746174696f6e5f6964a76375697a686169a46e616d65b5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99ac6175746f5f617070726f7665c2ad62616e6b5f726174655f70637464ae62616e6b5f6175746f6d61746963c2ac62616e6b5f6c696d69745f7300', 61);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 1, 'VolunteerRegistered.v1', '\x8ea474797065b3566f6c756e7465657252656769737465726564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708d0a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031ac766f6c756e746565725f6964a6562d30303033aa73746174696f6e5f6964a76375697a686169af706572736f6e616c5f7365616c6564c46e0259d6dafba1f535fd9182d65cefcafcd9cf71eb0ecb51e47513f2f01e8c8ae1b0ae53e15f43dd0530e913cb75f2e9e5c2bda32b07f79a8626d8cd56a9021f20e3023fae329856bae14755b7fe98a818ada74f3936652008e54ab70eb3ca83feaa6744d4b4e28c64a04a1d50f1e9a769645f68617368a0a6736b696c6c7390aa63617465676f7269657390a7636f6e73656e74c3ad726567697374657265645f6f6eaa323032342d30332d3031', 66);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 2, 'VolunteerJoinedTeam.v1', '\x87a474797065b3566f6c756e746565724a6f696e65645465616dad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e02a974696d657374616d70d6ff678708d0a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989f', 67);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('3ba4e594-f988-5055-bf2e-dc9f56362919', 1, 'ActivityPublished.v1', '\xde0010a474797065b141637469766974795075626c6973686564ad6f726967696e61746f725f6964c4103ba4e594f9885055bf2edc9f56362919b26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708d2a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031ab61637469766974795f6964a6542d30333130aa73746174696f6e5f6964a76375697a686169a46e616d65afe5bf97e684bfe88085e59fb9e8aeada863617465676f7279a8747261696e696e67a9636f6d6d756e697479a0a5706c616365a0a96f7267616e697a6572a0a66c6561646572a0a97374617274735f6174d6ff65ed0610a7656e64735f6174d6ff65ed2230', 69);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 3, 'ServiceRecorded.v1', '\xde0016a474797065af536572766963655265636f72646564ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708d4a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3032a97265636f72645f6964a3522d32ab61637469766974795f6964a6412d30333032ad61637469766974795f6e616d65afe695ace88081e999a2e68ea2e8aebfa863617465676f7279b1766f6c756e746565725f73657276696365aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e5b494e5afa8e69d91a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989fac736572766963655f64617465aa323032342d30332d3032aa737461727465645f6174c0a8656e6465645f6174c0aa6475726174696f6e5f73cd3039a5706c616365afe5b494e5afa8e695ace88081e999a2a7636f6e74656e74ace695b4e79086e688bfe997b4a96f7267616e697a6572b5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99a66c6561646572a6e58898e5869ba46c617465c3', 71);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 4, 'ServiceRecorded.v1', '\xde0016a474797065af536572766963655265636f72646564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708d6a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3130a97265636f72645f6964a3522d34ab61637469766974795f6964a6542d30333130ad61637469766974795f6e616d65afe5bf97e684bfe88085e59fb9e8aeada863617465676f7279a8747261696e696e67aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a0a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989fac736572766963655f64617465aa323032342d30332d3130aa737461727465645f6174c0a8656e6465645f6174c0aa6475726174696f6e5f73cd1c20a5706c616365a0a7636f6e74656e74a0a96f7267616e697a6572a0a66c6561646572a0a46c617465c3', 73);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 4, 'ServiceApproved.v1', '\x88a474797065af53657276696365417070726f766564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e04a974696d657374616d70d6ff678708d9a56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d33aa6475726174696f6e5f73cd1518', 76);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 7, 'HoursBanked.v1', '\x89a474797065ab486f75727342616e6b6564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708dda56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132a97265636f72645f6964a3522d31aa6475726174696f6e5f73cd2328a86372656469745f73cd2328', 80);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 7, 'HoursTransferredOut.v1', '\x8aa474797065b3486f7572735472616e736665727265644f7574ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708e0a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132ab7472616e736665725f6964a454522d31af746f5f766f6c756e746565725f6964a6562d30303033a86372656469745f73cd0708a6726561736f6eb2e5aeb6e5baade68890e59198e4ba92e58aa9', 83);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 6, 'HoursTransferredIn.v1', '\x8aa474797065b2486f7572735472616e73666572726564496ead6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e06a974696d657374616d70d6ff678708e0a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132ab7472616e736665725f6964a454522d31b166726f6d5f766f6c756e746565725f6964a6562d30303032a86372656469745f73cd0708a6726561736f6eb2e5aeb6e5baade68890e59198e4ba92e58aa9', 84);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 23, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e17a974696d657374616d70d6ff678708e3a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d31312d3032aa726563656970745f6e6fab5358323032342d50303031a5646f6e6f72c0ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ecd4e20a46e6f7465a0ac646f6e6f725f7365616c6564c46302aa8649449de97d16966bc7c47061fc8811307a215299086b8f108f18c5c60c4df22439315c0f7c1f8cd415815c6f38a59d01cb90572e117d3bfed9f686ceaeda0860a99a9903f05cb91c1e6fd46329571842575924cff58e5d40ca655f4f28e77742', 87);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 3, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708aca56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30362d3031aa726563656970745f6e6fab5358323032342d30303132a5646f6e6f72c0ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5aa616d6f756e745f66656ece00013880a46e6f7465a0ac646f6e6f725f7365616c6564c0', 28);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 9, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e09a974696d657374616d70d6ff678708b2a56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d30372d3031aa726571756573745f6964ae53512d4c53522d323032342d3031aa766f75636865725f6e6fab505a2d323032342d303732ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5aa616d6f756e745f66656ece00057e40a57061796565d927e6b58ee58d97e5b882e5bbbae8bebee7a4bee4bc9ae5b7a5e4bd9ce69c8de58aa1e4b8ade5bf83a7707572706f7365d926e59bb0e5a283e584bfe7aba5e69a91e69c9fe68998e7aea1e890a5efbc883138e4babaefbc89', 34);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 12, 'GoodsDistributed.v1', '\x8fa474797065b0476f6f64734469737472696275746564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0ca974696d657374616d70d6ff678708b8a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d30392d3032af646973747269627574696f6e5f6964ae46462d4c53522d323032342d3032a46974656dace69687e585b7e5a597e8a385a4756e6974a3e5a597a87175616e746974792da976616c75655f66656ece00020f58a9726563697069656e74d926e69d8ee59684e4bb81e69d91e58f8ae591a8e8beb9e59bb0e5a283e584bfe7aba53435e4babaad7369676e65645f6f66665f6279a9e69d8ee698a5e6a285a7707572706f7365b2e5bc80e5ada6e58aa9e5ada6e7a4bce58c85ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5', 40);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 14, 'DisbursementApproved.v1', '\x89a474797065b444697362757273656d656e74417070726f766564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e0ea974696d657374616d70d6ff678708bea56163746f72a9e69d8ee995bfe6b5b7ab6f636375727265645f6f6eaa323032342d30392d3237aa726571756573745f6964ae53512d4c53522d323032342d3032ab7265737472696374696f6ea0ac72657365727665645f66656ece0001d4c0', 46);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 18, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e12a974696d657374616d70d6ff678708c4a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d31302d3039aa726571756573745f6964ad53512d435a2d323032342d3032aa6e6f746963655f726566bde5b494e5afa8e69d91e585ace7a4bae3809432303234e3809532e58fb7ab6e6f746963655f66726f6daa323032342d31302d3039a96e6f746963655f746faa323032342d31302d3135', 52);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 20, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e14a974696d657374616d70d6ff678708caa56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d31312d3034aa726571756573745f6964ad53512d435a2d323032342d3033aa616d6f756e745f66656ece00030d40a7707572706f7365d92ae2809ce5b494e5afa8e69c89e5a3b0e2809de7a4bee58cbae585ace79b8ae99b86e5b882e789a9e69699ab7265737472696374696f6ea0a57061796565bbe6b58ee58d97e683a0e982a6e5b9bfe5918ae588b6e4bd9ce983a8', 58);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 7, 'VolunteerProfileCorrected.v1', '\x8ca474797065b9566f6c756e7465657250726f66696c65436f72726563746564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708e1a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3132ad636f7272656374696f6e5f6964a3502d31a56669656c64a570686f6e65af706572736f6e616c5f7365616c6564c46e0259d6dafba1f535fd9182d65cefcafcd9ddea7cae6d4e0778d14cdf9509d6d843e2b02e5c6bf73a20f763c43653c578c357c26687a27cc81313a7c03d324a372804376334a630d3bd4bbf8bf1caaacdb1fb9d5781bb3f3b271d9db29af002d910f4badcf39173437d989ac72c7da769645f68617368c0a576616c7565a0a6726561736f6ea6e68da2e58fb7', 85);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 8, 'PersonalDataErased.v1', '\x8ba474797065b2506572736f6e616c44617461457261736564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e08a974696d657374616d70d6ff678708e4a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032352d30312d3132ac766f6c756e746565725f6964a6562d30303033a6726561736f6ebee69cace4babae794b3e8afb7e588a0e999a4e4b8aae4babae4bfa1e681afac7265717565737465645f6279a6e69cace4babaa76b65795f69647391d9203539643664616662613166353335666439313832643635636566636166636439ad6c65676163795f7365616c656400', 88);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('16ecbf83-4dc2-5045-93ca-abe5056c0f0a', 5, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41016ecbf834dc2504593caabe5056c0f0ab26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708aea56163746f72a6e5ad99e682a6ab6f636375727265645f6f6eaa323032342d30362d3137aa726571756573745f6964ae53512d4c53522d323032342d3031aa616d6f756e745f66656ece00057e40a7707572706f7365d926e59bb0e5a283e584bfe7aba5e69a91e69c9fe68998e7aea1e890a5efbc883138e4babaefbc89ab7265737472696374696f6eace59bb0e5a283e584bfe7aba5a57061796565d927e6b58ee58d97e5b882e5bbbae8bebee7a4bee4bc9ae5b7a5e4bd9ce69c8de58aa1e4b8ade5bf83', 30);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 5, 'DisbursementRejected.v1', '\x8aa474797065b444697362757273656d656e7452656a6563746564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708b4a56163746f72a9e78e8be5beb7e8839cab6f636375727265645f6f6eaa323032342d30372d3132aa726571756573745f6964ad53512d57482d323032342d3031ab7265737472696374696f6ea0ac72656c65617365645f66656e00a6726561736f6ed942e4b88de5b19ee4ba8ee7a4bee58cbae59fbae98791e8b584e58aa9e88c83e59bb4efbc8ce5bbbae8aeaee794b1e69d91e99b86e4bd93e7bb8fe8b4b9e58897e694af', 36);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 7, 'DisbursementRequested.v1', '\x8ba474797065b544697362757273656d656e74526571756573746564ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e07a974696d657374616d70d6ff678708baa56163746f72a6e58898e6b48bab6f636375727265645f6f6eaa323032342d30392d3233aa726571756573745f6964ad53512d57482d323032342d3032aa616d6f756e745f66656ece0002bf20a7707572706f7365d924e58aa9e88081e9a39fe5a082e7acace4b889e5ada3e5baa6e9a490e8b4b9e8a1a5e8b4b4ab7265737472696374696f6ea6e58aa9e88081a57061796565b5e78e8be6b2b3e69d91e5b9b8e7a68fe9a39fe5a082', 42);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('01a7e8ea-c095-53d9-8201-60283ccead1f', 10, 'DisbursementPaid.v1', '\x8ca474797065b044697362757273656d656e7450616964ad6f726967696e61746f725f6964c41001a7e8eac09553d9820160283ccead1fb26f726967696e61746f725f76657273696f6e0aa974696d657374616d70d6ff678708c0a56163746f72a6e591a8e6958fab6f636375727265645f6f6eaa323032342d31302d3038aa726571756573745f6964ad53512d57482d323032342d3032aa766f75636865725f6e6fab505a2d323032342d313033ab7265737472696374696f6ea6e58aa9e88081aa616d6f756e745f66656ece0002bf20a57061796565b5e78e8be6b2b3e69d91e5b9b8e7a68fe9a39fe5a082a7707572706f7365d924e58aa9e88081e9a39fe5a082e7acace4b889e5ada3e5baa6e9a490e8b4b9e8a1a5e8b4b4', 48);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('f4919423-3152-5161-875e-1640543cdee7', 9, 'CashDonationReceived.v1', '\x8ca474797065b443617368446f6e6174696f6e5265636569766564ad6f726967696e61746f725f6964c410f491942331525161875e1640543cdee7b26f726967696e61746f725f76657273696f6e09a974696d657374616d70d6ff678708c6a56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d31302d3231aa726563656970745f6e6fab5358323032342d30303137a5646f6e6f72c0ab7265737472696374696f6ea0aa616d6f756e745f66656ece000186a0a46e6f7465a0ac646f6e6f725f7365616c6564c0', 54);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('70c44d5d-8722-58f9-be60-6dbc9bbde1e5', 22, 'DisbursementPublicized.v1', '\x8aa474797065b644697362757273656d656e745075626c6963697a6564ad6f726967696e61746f725f6964c41070c44d5d872258f9be606dbc9bbde1e5b26f726967696e61746f725f76657273696f6e16a974696d657374616d70d6ff678708cca56163746f72a6e99988e69993ab6f636375727265645f6f6eaa323032342d31322d3230aa726571756573745f6964ad53512d435a2d323032342d3033aa6e6f746963655f726566bde5b494e5afa8e69d91e585ace7a4bae3809432303234e3809533e58fb7ab6e6f746963655f66726f6daa323032342d31322d3230a96e6f746963655f746faa323032342d31322d3237', 60);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('a809eda1-fdaa-506b-9aa8-44ee1d73025d', 1, 'ActivityPublished.v1', '\xde0010a474797065b141637469766974795075626c6973686564ad6f726967696e61746f725f6964c410a809eda1fdaa506b9aa844ee1d73025db26f726967696e61746f725f76657273696f6e01a974696d657374616d70d6ff678708d1a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3031ab61637469766974795f6964a6412d30333032aa73746174696f6e5f6964a76375697a686169a46e616d65afe695ace88081e999a2e68ea2e8aebfa863617465676f7279b1766f6c756e746565725f73657276696365a9636f6d6d756e697479a9e5b494e5afa8e69d91a5706c616365afe5b494e5afa8e695ace88081e999a2a96f7267616e697a6572b5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99a66c6561646572a6e58898e5869ba97374617274735f6174d6ff65e27a10a7656e64735f6174d6ff65e2ea90', 68);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 3, 'ServiceRecorded.v1', '\xde0016a474797065af536572766963655265636f72646564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708d3a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3032a97265636f72645f6964a3522d31ab61637469766974795f6964a6412d30333032ad61637469766974795f6e616d65afe695ace88081e999a2e68ea2e8aebfa863617465676f7279b1766f6c756e746565725f73657276696365aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e5b494e5afa8e69d91a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989fac736572766963655f64617465aa323032342d30332d3032aa737461727465645f6174d6ff65e27a10a8656e6465645f6174d6ff65e29d38aa6475726174696f6e5f73cd2328a5706c616365afe5b494e5afa8e695ace88081e999a2a7636f6e74656e74ace999aae4bcb4e88081e4babaa96f7267616e697a6572b5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99a66c6561646572a6e58898e5869ba46c617465c3', 70);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('1ecc23d3-9212-5947-a406-2eff5bdb1dbe', 3, 'ServiceRecorded.v1', '\xde0016a474797065af536572766963655265636f72646564ad6f726967696e61746f725f6964c4101ecc23d392125947a4062eff5bdb1dbeb26f726967696e61746f725f76657273696f6e03a974696d657374616d70d6ff678708d5a56163746f72a6e78e8be88ab3ab6f636375727265645f6f6eaa323032342d30332d3032a97265636f72645f6964a3522d33ab61637469766974795f6964a6412d30333032ad61637469766974795f6e616d65afe695ace88081e999a2e68ea2e8aebfa863617465676f7279b1766f6c756e746565725f73657276696365aa73746174696f6e5f6964a76375697a686169a9636f6d6d756e697479a9e5b494e5afa8e69d91a47465616db2e7baa2e9a9ace794b2e69c8de58aa1e9989fac736572766963655f64617465aa323032342d30332d3032aa737461727465645f6174c0a8656e6465645f6174c0aa6475726174696f6e5f73cd1518a5706c616365afe5b494e5afa8e695ace88081e999a2a7636f6e74656e74a0a96f7267616e697a6572b5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99a66c6561646572a6e58898e5869ba46c617465c3', 72);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('ff234890-915f-53bd-8263-76de4e677b4c', 5, 'ServiceCorrected.v1', '\x8fa474797065b053657276696365436f72726563746564ad6f726967696e61746f725f6964c410ff234890915f53bd826376de4e677b4cb26f726967696e61746f725f76657273696f6e05a974696d657374616d70d6ff678708dba56163746f72a6e58898e5869bab6f636375727265645f6f6eaa323032342d30332d3132ad636f7272656374696f6e5f6964a3432d31a97265636f72645f6964a3522d32aa737461727465645f6174c0a8656e6465645f6174c0aa6475726174696f6e5f73cd2a30a764656c74615f73d1f9f7a7636f756e746564c3a6726561736f6eafe7adbee588b0e8a1a8e6a0b8e5afb9ac7265717565737465645f6279a6e78e8be5bcba', 78);
INSERT INTO golden_v2_plain.sgzledger_events VALUES ('6b8d9494-d614-51cf-82c7-6850e374e638', 9, 'CertificateIssued.v1', '\x8ea474797065b14365727469666963617465497373756564ad6f726967696e61746f725f6964c4106b8d9494d61451cf82c76850e374e638b26f726967696e61746f725f76657273696f6e09a974696d657374616d70d6ff678708e2a56163746f72a6e7ab99e995bfab6f636375727265645f6f6eaa323032352d30312d3130ae63657274696669636174655f6e6fab435a2d323032342d303031ab706572696f645f66726f6daa323032342d30312d3031a9706572696f645f746faa323032342d31322d3331aa7265636f72645f69647391a3522d31a7746f74616c5f73cd2328a6697373756572a6e7ab99e995bfaf69737375696e675f73746174696f6eb5e5b494e5afa8e8a197e98193e7a4bee5b7a5e7ab99a6646967657374d94065323734333933643133626436613061666436643165303561623661333039316165366436613139313136383333633835323131393461323538326264646638', 86);


--
-- Data for Name: sgzledger_snapshots; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--



--
-- Data for Name: subject_keys; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.subject_keys VALUES ('\x51e8b64e7cd8b86a468c53e73d4eaa28', 'volunteer:V-0001', '\x00cc86cf84161416f098beeaea0e5e2faee3bd4e7bba1b112b7bf9bc67daea50d3', '2025-01-15 01:01:02+00');
INSERT INTO golden_v2_plain.subject_keys VALUES ('\x16f144e514846d0a68bc349c41adf788', 'volunteer:V-0002', '\x00ee3589222ca38745d3397f5dd84579c600e3a0a08fb53772f12f8b40d4b281a9', '2025-01-15 01:01:03+00');
INSERT INTO golden_v2_plain.subject_keys VALUES ('\xaa8649449de97d16966bc7c47061fc88', 'donor:01058fbcdfaa013387b75b686c29077d4cab937181897d1558662e7ff6bb7d16', '\x000e7dfe0bbd90898394fb38bffebc0376584edd04f78b55cb824b99acdc8d432f', '2025-01-15 01:01:23+00');


--
-- Data for Name: view_tracking; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.view_tracking VALUES ('__migration__', 1);
INSERT INTO golden_v2_plain.view_tracking VALUES ('fund_views', 88);


--
-- Data for Name: view_versions; Type: TABLE DATA; Schema: golden_v2_plain; Owner: -
--

INSERT INTO golden_v2_plain.view_versions VALUES ('fund_views', 3);


--
-- Name: sgzledger_events_notification_id_seq; Type: SEQUENCE SET; Schema: golden_v2_plain; Owner: -
--

SELECT pg_catalog.setval('golden_v2_plain.sgzledger_events_notification_id_seq', 88, true);


--
-- Name: balance_at_position balance_at_position_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.balance_at_position
    ADD CONSTRAINT balance_at_position_pkey PRIMARY KEY (fund_id, restriction, "position");


--
-- Name: balance_on_day balance_on_day_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.balance_on_day
    ADD CONSTRAINT balance_on_day_pkey PRIMARY KEY (fund_id, restriction, day);


--
-- Name: event_chain_meta event_chain_meta_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.event_chain_meta
    ADD CONSTRAINT event_chain_meta_pkey PRIMARY KEY (name);


--
-- Name: event_chain event_chain_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.event_chain
    ADD CONSTRAINT event_chain_pkey PRIMARY KEY ("position");


--
-- Name: fund_balances fund_balances_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.fund_balances
    ADD CONSTRAINT fund_balances_pkey PRIMARY KEY (fund_id, restriction);


--
-- Name: fund_goods fund_goods_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.fund_goods
    ADD CONSTRAINT fund_goods_pkey PRIMARY KEY (fund_id, item, unit, restriction);


--
-- Name: funds funds_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.funds
    ADD CONSTRAINT funds_pkey PRIMARY KEY (fund_id);


--
-- Name: sgzledger_events sgzledger_events_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.sgzledger_events
    ADD CONSTRAINT sgzledger_events_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: sgzledger_snapshots sgzledger_snapshots_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.sgzledger_snapshots
    ADD CONSTRAINT sgzledger_snapshots_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: subject_keys subject_keys_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.subject_keys
    ADD CONSTRAINT subject_keys_pkey PRIMARY KEY (key_id);


--
-- Name: view_tracking view_tracking_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.view_tracking
    ADD CONSTRAINT view_tracking_pkey PRIMARY KEY (application_name);


--
-- Name: view_versions view_versions_pkey; Type: CONSTRAINT; Schema: golden_v2_plain; Owner: -
--

ALTER TABLE ONLY golden_v2_plain.view_versions
    ADD CONSTRAINT view_versions_pkey PRIMARY KEY (name);


--
-- Name: fund_balances_i0; Type: INDEX; Schema: golden_v2_plain; Owner: -
--

CREATE INDEX fund_balances_i0 ON golden_v2_plain.fund_balances USING btree (station_id);


--
-- Name: funds_i0; Type: INDEX; Schema: golden_v2_plain; Owner: -
--

CREATE INDEX funds_i0 ON golden_v2_plain.funds USING btree (station_id);


--
-- Name: sgzledger_events_notification_id_idx; Type: INDEX; Schema: golden_v2_plain; Owner: -
--

CREATE UNIQUE INDEX sgzledger_events_notification_id_idx ON golden_v2_plain.sgzledger_events USING btree (notification_id);


--
-- Name: subject_keys_by_subject; Type: INDEX; Schema: golden_v2_plain; Owner: -
--

CREATE INDEX subject_keys_by_subject ON golden_v2_plain.subject_keys USING btree (subject);


--
-- PostgreSQL database dump complete
--

\unrestrict WJnOmuEWoqrmSGwgo6MZ1iBLyKixMe1XOcaRsPgTpDufnieOma1uk26cqM3S8EN

