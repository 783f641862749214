# Portolan: the two commands are `make run` and `make test`.
SHELL := /bin/bash

.PHONY: run test tools build policy-test unit-test integration-test stop clean

## Start Portolan with PostgreSQL, OPA and Keycloak on this machine; Ctrl-C stops everything.
run:
	bin/run.sh

## Every test: Rego (opa test), unit tests, then integration tests against a fresh real stack.
test:
	bin/test.sh

## Install the pinned tools into .tools/ (done by run and test too).
tools:
	bin/tools.sh

## The WAR (target/portolan.war); the build compiles the policy to WebAssembly with the pinned OPA.
build: tools
	mvn -B -q package -DskipTests

policy-test: tools
	bin/test.sh policy

unit-test:
	mvn -B test

## Stop a stack left running by an interrupted run or test.
stop:
	bin/stack.sh down run; bin/stack.sh down test

clean: stop
	rm -rf target .data/test
