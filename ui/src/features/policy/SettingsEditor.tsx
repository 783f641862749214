import {
  Checkbox,
  Content,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { Field } from "../../shared/components/common";
import { CLASSIFICATIONS } from "../../shared/format";
import { CLOSED_WEIGHTS_FROM, display, fieldOf, inputId, TASK_TIERS, type SettingsForm } from "./policy";

interface Props {
  form: SettingsForm;
  /** Field key → the server's message for it. */
  errors: Record<string, string>;
  /** Without it the settings show as text: the role may read but not edit them. */
  onChange?: (key: string, value: string | boolean) => void;
}

const COLUMNS = [
  { name: "deniedJurisdictions", title: "Denied jurisdictions" },
  { name: "watchedJurisdictions", title: "Watch-listed jurisdictions" },
  { name: "residency", title: "Residency regions" },
  { name: "selfHostedOpenWeightsOnly", title: "Self-hosted open weights only" },
];

/** Rules over where a model runs (its deployments), apart from where its weights come from. */
const DEPLOYMENT_COLUMNS = [
  { name: "deployments.deniedOperatorJurisdictions", title: "Denied operator jurisdictions" },
  { name: "deployments.selfHostedOnly", title: "Self-hosted deployments only" },
  { name: "deployments.zeroRetentionOrSelfHostedOnly", title: "Zero retention or self-hosted only" },
  { name: "deployments.noTrainingOnPrompts", title: "Never where prompts train" },
];

/** One row per data classification, one setting per column. */
function PerClassification({
  label,
  testId,
  columns,
  form,
  errors,
  onChange,
}: Props & { label: string; testId: string; columns: typeof COLUMNS }) {
  return (
    <Table aria-label={label} variant="compact" data-testid={testId}>
      <Thead>
        <Tr>
          <Th modifier="wrap">Data classification</Th>
          {columns.map((c) => (
            <Th key={c.name} modifier="wrap">
              {c.title}
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {CLASSIFICATIONS.map((classification) => (
          <Tr key={classification}>
            <Th dataLabel="Data classification">{classification}</Th>
            {columns.map((c) => (
              <Td key={c.name} dataLabel={c.title}>
                <Setting settingKey={`${c.name}.${classification}`} form={form} errors={errors} onChange={onChange} />
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** The sovereignty settings as inputs (editors) or as text (readers), one input per server field. */
export function SettingsEditor({ form, errors, onChange }: Props) {
  return (
    <>
      <Title headingLevel="h2" size="lg">
        Per data classification
      </Title>
      <Table aria-label="Settings per data classification" variant="compact" data-testid="classification-settings">
        <Thead>
          <Tr>
            <Th modifier="wrap">Data classification</Th>
            {COLUMNS.map((c) => (
              <Th key={c.name} modifier="wrap">
                {c.title}
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {CLASSIFICATIONS.map((classification) => (
            <Tr key={classification}>
              <Th dataLabel="Data classification">{classification}</Th>
              {COLUMNS.map((c) => (
                <Td key={c.name} dataLabel={c.title}>
                  <Setting settingKey={`${c.name}.${classification}`} form={form} errors={errors} onChange={onChange} />
                </Td>
              ))}
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Content component="p" style={{ margin: "0.5rem 0 1.5rem" }}>
        Denied jurisdictions are vendor countries refused for that data (ISO codes such as CN); watch-listed ones are
        allowed with an obligation to record the use; residency lists the regions allowed for the request and the
        model's hosting (such as eu). Lists take commas or spaces; an empty list means no restriction.
      </Content>
      <Title headingLevel="h2" size="lg">
        Where a model runs (deployments)
      </Title>
      <PerClassification
        label="Deployment rules per data classification"
        testId="deployment-settings"
        columns={DEPLOYMENT_COLUMNS}
        form={form}
        errors={errors}
        onChange={onChange}
      />
      <Content component="p" style={{ margin: "0.5rem 0 1.5rem" }}>
        For a classification with any of these rules, a model may be used only when one of its deployments passes them
        all: operators are judged by their own jurisdiction, not the vendor's; self-hosted means the tenant runs it;
        data terms an operator did not state do not pass.
      </Content>
      <Grid hasGutter>
        <GridItem md={4}>
          <Title headingLevel="h2" size="lg">
            Cost tiers per task tier
          </Title>
          {TASK_TIERS.map((tier) => (
            <LabelledSetting
              key={tier}
              settingKey={`costTiers.${tier}`}
              label={`${tier} tasks`}
              hint="low, medium, high; empty for any"
              form={form}
              errors={errors}
              onChange={onChange}
            />
          ))}
        </GridItem>
        <GridItem md={4}>
          <Title headingLevel="h2" size="lg">
            Ranking of alternatives
          </Title>
          <LabelledSetting
            settingKey="preferences.domesticJurisdiction"
            label="Domestic jurisdiction"
            hint="Its vendors' models are offered first, such as FR"
            form={form}
            errors={errors}
            onChange={onChange}
          />
          <LabelledSetting
            settingKey="preferences.preferOpenWeights"
            label="Prefer open weights"
            form={form}
            errors={errors}
            onChange={onChange}
          />
          <LabelledSetting
            settingKey="preferences.preferLowerCost"
            label="Prefer lower cost"
            form={form}
            errors={errors}
            onChange={onChange}
          />
        </GridItem>
        <GridItem md={4}>
          <Title headingLevel="h2" size="lg">
            High-risk requests (two officers)
          </Title>
          <LabelledSetting
            settingKey="highRisk.classifications"
            label="For data classified"
            hint="Such as restricted"
            form={form}
            errors={errors}
            onChange={onChange}
          />
          <LabelledSetting
            settingKey="highRisk.closedWeightsFrom"
            label="Closed-weight models from"
            form={form}
            errors={errors}
            onChange={onChange}
          />
          <LabelledSetting
            settingKey="highRisk.watchedJurisdictions"
            label="Vendors from watch-listed jurisdictions"
            form={form}
            errors={errors}
            onChange={onChange}
          />
        </GridItem>
      </Grid>
    </>
  );
}

interface SettingProps {
  settingKey: string;
  form: SettingsForm;
  errors: Record<string, string>;
  onChange?: (key: string, value: string | boolean) => void;
  /** The visible label, when the input has one; else the field's full label is its accessible name. */
  label?: string;
}

/** One input, with the server's message under it. */
function Setting({ settingKey, form, errors, onChange, label }: SettingProps) {
  const field = fieldOf(settingKey)!;
  const id = inputId(settingKey);
  const value = form[settingKey];
  const error = errors[settingKey];
  const aria = label ? {} : { "aria-label": field.label };
  if (!onChange) return <span data-testid={id}>{display(field, value)}</span>;
  let input;
  if (field.kind === "flag") {
    input = (
      <Checkbox
        id={id}
        isChecked={value === true}
        onChange={(_e, checked) => onChange(settingKey, checked)}
        label={label}
        {...aria}
      />
    );
  } else if (field.kind === "closedWeightsFrom") {
    input = (
      <FormSelect id={id} value={String(value)} onChange={(_e, v) => onChange(settingKey, v)} {...aria}>
        {CLOSED_WEIGHTS_FROM.map((c) => (
          <FormSelectOption key={c} value={c} label={c === "never" ? "never" : `${c} data up`} />
        ))}
      </FormSelect>
    );
  } else {
    input = (
      <TextInput
        id={id}
        value={String(value ?? "")}
        placeholder={field.emptyMeans}
        onChange={(_e, v) => onChange(settingKey, v)}
        validated={error ? "error" : "default"}
        aria-describedby={error ? `${id}-helper` : undefined}
        {...aria}
      />
    );
  }
  return (
    <>
      {input}
      {error && (
        <HelperText>
          <HelperTextItem variant="error" id={`${id}-helper`}>
            {error}
          </HelperTextItem>
        </HelperText>
      )}
    </>
  );
}

function LabelledSetting(props: SettingProps & { label: string; hint?: string }) {
  const field = fieldOf(props.settingKey)!;
  if (!props.onChange) {
    return (
      <div style={{ marginTop: "1rem" }}>
        <strong>{props.label}:</strong> <Setting {...props} />
      </div>
    );
  }
  if (field.kind === "flag") {
    // A checkbox carries its own label.
    return (
      <div style={{ marginTop: "1rem" }}>
        <Setting {...props} />
      </div>
    );
  }
  const id = inputId(props.settingKey);
  return (
    <div style={{ marginTop: "1rem" }}>
      <Field label={props.label} fieldId={id} hint={props.errors[props.settingKey] ? undefined : props.hint}>
        <Setting {...props} />
      </Field>
    </div>
  );
}
