/**
 * The one place that decides who may do what (Outline's model): routes, the UI and the
 * collaboration server all ask `can()`. Pure: callers load the facts, this decides.
 */
import { isContentLocked, type DocumentRole, type DocumentStatus, type MembershipRole, type OrganizationKind, type ProjectRole } from "~/modules/permissions/roles";
import { isSampleProject } from "~/modules/projects/sample";

export type Actor = {
  userId: string;
  memberships: ReadonlyArray<{ organizationId: string; role: MembershipRole }>;
};

export type ProjectFacts = {
  /** The project's id; only the sample project's (SAMPLE_PROJECT_ID) changes what can() answers. */
  id?: string;
  participants: ReadonlyArray<{ organizationId: string; role: ProjectRole }>;
};

export type OrganizationResource = { type: "organization"; organizationId: string };
export type ProjectResource = { type: "project" } & ProjectFacts;
export type DocumentResource = { type: "document"; status: DocumentStatus; project: ProjectFacts };

export type OrganizationAction = "organization.view" | "organization.manage" | "demand.import";
export type ProjectAction =
  | "project.view"
  | "project.edit"
  | "project.manage_participants"
  | "project.create_document";
export type DocumentAction = "document.view" | "document.comment" | "document.edit" | "commitment.record" | "recognition.request";
/** A hiring commitment: withdrawn only by people of the organization that signed it. */
export type CommitmentResource = { type: "commitment"; organizationId: string };
export type CommitmentAction = "commitment.withdraw";
/** A laddering recognition: signed, and withdrawn, only by people of the receiving institution (issue #18). */
export type RecognitionResource = { type: "recognition"; receivingOrganizationId: string };
export type RecognitionAction = "recognition.sign" | "recognition.withdraw";

/** A consortium's member organizations (with their kind), for the consortium rules. */
export type ConsortiumFacts = {
  members: ReadonlyArray<{ organizationId: string; role: "admin" | "member"; kind: OrganizationKind }>;
};
export type ConsortiumResource = { type: "consortium" } & ConsortiumFacts;
/**
 * A specification as the consortium library would show it: its approval status, its credential
 * kind in the approved snapshot, and the organizations that own it (its project's institutions).
 */
export type LibraryModuleResource = {
  type: "library_module";
  consortium: ConsortiumFacts;
  status: DocumentStatus;
  credentialKind: string | null;
  ownerOrganizationIds: ReadonlyArray<string>;
};
export type ConsortiumAction = "consortium.view" | "consortium.invite" | "consortium.manage";
export type LibraryModuleAction = "module.view_in_library";

/** Project roles whose members only read and comment (QA reviewers never edit content). */
const READ_ONLY_PROJECT_ROLES: ReadonlySet<ProjectRole> = new Set(["qa_reviewer"]);

export function projectRolesOf(actor: Actor, project: ProjectFacts): ProjectRole[] {
  const orgIds = new Set(actor.memberships.map((m) => m.organizationId));
  return project.participants.filter((p) => orgIds.has(p.organizationId)).map((p) => p.role);
}

/** The person's role on a document of this project, before status locks; null for outsiders. */
export function documentRoleOf(actor: Actor, project: ProjectFacts): DocumentRole | null {
  const roles = projectRolesOf(actor, project);
  // The sample project shows every signed-in person what a project looks like: read, never written
  // (no comments, sign-off or copies either), so nobody's stray edit changes it for everyone else.
  if (roles.length === 0) return isSampleProject(project) ? "viewer" : null;
  return roles.some((role) => !READ_ONLY_PROJECT_ROLES.has(role)) ? "editor" : "commenter";
}

/** The role that applies right now, with the document's status taken into account. */
export function effectiveDocumentRole(actor: Actor, document: DocumentResource): DocumentRole | null {
  const role = documentRoleOf(actor, document.project);
  if (role === "editor" && isContentLocked(document.status)) return "commenter";
  return role;
}

export function can(actor: Actor, action: OrganizationAction, resource: OrganizationResource): boolean;
export function can(actor: Actor, action: ProjectAction, resource: ProjectResource): boolean;
export function can(actor: Actor, action: DocumentAction, resource: DocumentResource): boolean;
export function can(actor: Actor, action: CommitmentAction, resource: CommitmentResource): boolean;
export function can(actor: Actor, action: ConsortiumAction, resource: ConsortiumResource): boolean;
export function can(actor: Actor, action: LibraryModuleAction, resource: LibraryModuleResource): boolean;
export function can(actor: Actor, action: RecognitionAction, resource: RecognitionResource): boolean;
export function can(
  actor: Actor,
  action: OrganizationAction | ProjectAction | DocumentAction | ConsortiumAction | LibraryModuleAction | CommitmentAction | RecognitionAction,
  resource: OrganizationResource | ProjectResource | DocumentResource | ConsortiumResource | LibraryModuleResource | CommitmentResource | RecognitionResource,
): boolean {
  switch (resource.type) {
    case "recognition":
      return (action === "recognition.sign" || action === "recognition.withdraw") && actor.memberships.some((m) => m.organizationId === resource.receivingOrganizationId);
    case "commitment":
      return action === "commitment.withdraw" && actor.memberships.some((m) => m.organizationId === resource.organizationId);
    case "consortium": {
      const mine = resource.members.filter((m) => actor.memberships.some((a) => a.organizationId === m.organizationId));
      if (mine.length === 0) return false;
      const adminOf = mine.filter((m) => actor.memberships.some((a) => a.organizationId === m.organizationId && a.role === "admin"));
      switch (action) {
        case "consortium.view":
          return true;
        // A member institution's admin invites (employers and professional bodies join, they do not recruit).
        case "consortium.invite":
          return adminOf.some((m) => m.kind === "institution");
        // Removing members: the admins of the consortium's admin organizations.
        case "consortium.manage":
          return adminOf.some((m) => m.role === "admin");
        default:
          return false;
      }
    }
    case "library_module": {
      // Approved modules of member organizations, to people of member organizations; nothing else.
      if (action !== "module.view_in_library") return false;
      if (!can(actor, "consortium.view", { type: "consortium", ...resource.consortium })) return false;
      if (resource.status !== "approved" || resource.credentialKind !== "module") return false;
      const members = new Set(resource.consortium.members.map((m) => m.organizationId));
      return resource.ownerOrganizationIds.some((id) => members.has(id));
    }
    case "organization": {
      const membership = actor.memberships.find((m) => m.organizationId === resource.organizationId);
      if (!membership) return false;
      // Demand data: any member imports for their organization (it is reference data, not the organization's settings).
      return action === "organization.view" || action === "demand.import" || (action === "organization.manage" && membership.role === "admin");
    }
    case "project": {
      const roles = projectRolesOf(actor, resource);
      if (roles.length === 0) return action === "project.view" && isSampleProject(resource);
      switch (action) {
        case "project.view":
          return true;
        case "project.edit":
        case "project.manage_participants":
          return roles.includes("lead_institution");
        case "project.create_document":
          return roles.some((role) => !READ_ONLY_PROJECT_ROLES.has(role));
        default:
          return false;
      }
    }
    case "document": {
      // Hiring commitments: only employer partners of the project sign them (whatever the document's status).
      if (action === "commitment.record") return !isSampleProject(resource.project) && projectRolesOf(actor, resource.project).includes("employer_partner");
      // Asking a receiving institution to sign: the specification's editors, approved (locked) or not —
      // recognition usually follows approval.
      if (action === "recognition.request") return !isSampleProject(resource.project) && documentRoleOf(actor, resource.project) === "editor";
      const role = effectiveDocumentRole(actor, resource);
      if (!role) return false;
      switch (action) {
        case "document.view":
          return true;
        case "document.comment":
          return role === "editor" || role === "commenter";
        case "document.edit":
          return role === "editor";
        default:
          return false;
      }
    }
  }
}
