{{/* Names and labels. */}}
{{- define "portolan.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "portolan.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "portolan.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "portolan.selectorLabels" -}}
app.kubernetes.io/name: {{ include "portolan.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "portolan.labels" -}}
helm.sh/chart: {{ include "portolan.chart" . }}
{{ include "portolan.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: server
app.kubernetes.io/part-of: portolan
{{- end }}

{{- define "portolan.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "portolan.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "portolan.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The Secret the chart writes, holding whatever credentials are not taken from an existingSecret. */}}
{{- define "portolan.secretName" -}}
{{- include "portolan.fullname" . }}
{{- end }}

{{/* Whether the chart's own Secret has anything to hold. */}}
{{- define "portolan.needsSecret" -}}
{{- if or (not .Values.database.app.existingSecret) (not .Values.database.owner.existingSecret) (not .Values.keycloak.adminClient.existingSecret) (and .Values.bundleSigning.secret (not .Values.bundleSigning.existingSecret)) }}true{{ end }}
{{- end }}

{{/* An env entry read from a Secret: (dict "name" ENV "existing" SECRET "key" KEY "own" OWNKEY "ctx" $). */}}
{{- define "portolan.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .existing | default (include "portolan.secretName" .ctx) }}
      key: {{ ternary .key .own (not (empty .existing)) }}
{{- end }}

{{/* JWKS location: jwksUrl, else the issuer's certs endpoint. */}}
{{- define "portolan.jwksUrl" -}}
{{- if .Values.keycloak.jwksUrl }}
{{- .Values.keycloak.jwksUrl }}
{{- else if .Values.keycloak.issuer }}
{{- printf "%s/protocol/openid-connect/certs" (trimSuffix "/" .Values.keycloak.issuer) }}
{{- end }}
{{- end }}

{{/* PORTOLAN_OPA_URL: the sidecar on loopback, else opa.url. */}}
{{- define "portolan.opaUrl" -}}
{{- if .Values.opa.sidecar.enabled }}
{{- printf "http://127.0.0.1:%v" .Values.opa.sidecar.port }}
{{- else }}
{{- .Values.opa.url }}
{{- end }}
{{- end }}

{{/* The OPA sidecar container, without restartPolicy. */}}
{{- define "portolan.opaContainer" -}}
- name: opa
  image: "{{ .Values.opa.sidecar.image.repository }}:{{ .Values.opa.sidecar.image.tag }}"
  imagePullPolicy: {{ .Values.opa.sidecar.image.pullPolicy }}
  {{- if .Values.opa.sidecar.native }}
  restartPolicy: Always
  {{- end }}
  # Loopback only: OPA's API is unauthenticated and writable. Starts empty; Portolan loads it.
  # No HTTP probes: the kubelet probes the pod IP, where OPA does not listen.
  args:
    - run
    - --server
    - --addr=127.0.0.1:{{ .Values.opa.sidecar.port }}
    {{- range .Values.opa.sidecar.args }}
    - {{ . | quote }}
    {{- end }}
  resources:
    {{- toYaml .Values.opa.sidecar.resources | nindent 4 }}
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
{{- end }}
