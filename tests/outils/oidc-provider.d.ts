/**
 * Le strict nécessaire des types d'oidc-provider (le paquet n'en publie pas),
 * pour le fournisseur OpenID des tests (tests/outils/fournisseurOidc.ts).
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export interface DetailsInteraction {
    uid: string
    prompt: { name: 'login' | 'consent' | string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } }
    params: Record<string, unknown> & { client_id: string }
    session?: { accountId: string }
    grantId?: string
  }

  export interface Grant {
    addOIDCScope(scope: string): void
    addOIDCClaims(claims: string[]): void
    save(): Promise<string>
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<DetailsInteraction>
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>
    Grant: { new (init: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> }
  }
}
