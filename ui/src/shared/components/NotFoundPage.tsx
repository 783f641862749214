import { EmptyState, EmptyStateBody, PageSection } from "@patternfly/react-core";
import { Link } from "react-router-dom";

export function NotFoundPage() {
  return (
    <PageSection>
      <EmptyState titleText="No such page" headingLevel="h1">
        <EmptyStateBody>
          This address shows nothing in Portolan. <Link to="/">Go to the overview.</Link>
        </EmptyStateBody>
      </EmptyState>
    </PageSection>
  );
}
