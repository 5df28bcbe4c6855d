-- One service's database on the shared PostgreSQL server, with least privilege. Run by psql as the
-- server's administrator once per service (docker/postgres/init-service-databases.sh), with the
-- variables `role` (labour_service), `database` (labour) and `password`. test/service-roles.test.ts
-- runs this same file on a real server and shows that one service cannot reach another's data.
--
-- Keep to one statement per line ending in `;` and to psql's :"identifier" and :'literal'
-- variables only: the test replays the file statement by statement the way psql sends it.

-- A login and nothing more: no superuser, no new roles or databases, no replication, no way past
-- row security, and no privileges inherited from any role it might later be granted.
CREATE ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD :'password';

-- The database belongs to the administrator, not to the service, so the service can neither drop
-- it nor let anyone else in. One database per service because each service's migrations keep their
-- bookkeeping in a schema named `drizzle`, which two services could not both own in one database.
CREATE DATABASE :"database";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
-- CREATE lets its migrations make the two schemas it then owns: its own (`labour`) and `drizzle`.
GRANT CONNECT, CREATE ON DATABASE :"database" TO :"role";

\connect :"database"
-- Nobody may use the `public` schema (PostgreSQL 15 already withholds CREATE there): the only
-- schemas the service can use are the ones it made itself.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
