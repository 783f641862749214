# Portolan: the two commands are `make run` and `make test`.
SHELL := /bin/bash

.PHONY: run run-fleet test tools build policy-test chart-check unit-test integration-test security faults bench bench-measuring bench-scale stop clean

## Start Portolan with PostgreSQL, OPA and Keycloak on this machine; Ctrl-C stops everything.
run:
	bin/run.sh

## The same with two Portolan replicas (8081, 8082) behind nginx on 8080: a fleet on one PostgreSQL.
run-fleet:
	PORTOLAN_REPLICAS=2 bin/run.sh

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

## The Helm chart (deploy/helm): helm lint --strict, helm template with every example values file,
## each resource validated against Kubernetes 1.33's schemas. Installs Helm and kubernetes-validate
## into .tools/ on first use (make run does not need them). make test runs it too.
chart-check:
	bin/chart-check.sh

unit-test:
	mvn -B test

## Hostile input: schemathesis over every operation of /openapi as each kind of caller (long form;
## make test runs the short one), then Jazzer on the request bodies. Starts the test stack if needed.
security: tools build
	bin/stack.sh up test && bin/security.sh
	bin/fuzz.sh

## Faults under decision load (long form; make test runs the short one): kill -9 OPA, PostgreSQL
## and Portolan, stop Keycloak, slow OPA and PostgreSQL through toxiproxy, fill PostgreSQL's disk
## or make it read-only; no acknowledged decision lost, no allow without a policy. Runs on a stack
## of its own (.data/faults, ports moved by 1000), stopped after. See bench/README.md#faults.
faults: tools build
	bin/faults.sh --own-stack

## Decision throughput and latency, Portolan against a bare OPA server, on the run profile's stack
## (full JIT, unlike the test stack), with the rate limits raised above the load when this starts
## the stack (a running `make run` keeps its limits); it stays up afterwards: make stop.
bench: tools build
	PORTOLAN_RATE_LIMIT_PRINCIPAL_PER_SECOND=1000000 PORTOLAN_RATE_LIMIT_TENANT_PER_SECOND=1000000 \
	  bin/stack.sh up run && bench/decisions.sh 10 run

## The cost of measuring: make bench with metrics off, then on (the default), back to back (bench/README.md).
bench-measuring: tools build
	bench/measuring.sh 10

## Scaling: load time, publish time and decisions at 1x, 10x and 100x the demo inventory, impact
## analysis over 100,000 and 1,000,000 logged decisions (bench/README.md). Adds its data to the run
## profile's stack: 1x is measured only on a fresh one (make stop; rm -rf .data/run).
bench-scale: tools build
	bin/stack.sh up run && bench/scale.sh

## Stop a stack left running by an interrupted run or test.
stop:
	bin/stack.sh down run; bin/stack.sh down test; PORTOLAN_TEST_STACK_NAME=faults bin/stack.sh down test

clean: stop
	rm -rf target .data/test .data/faults
