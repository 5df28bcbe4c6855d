-- One database per institution on the shared server: no service can even name another's tables.
CREATE DATABASE labour;
CREATE DATABASE ministry;
CREATE DATABASE training;
CREATE DATABASE university;
CREATE DATABASE gateway;
