/**
 * Ce qui va dans le journal quand une erreur survient : son type et la route,
 * jamais son message ni sa pile. Un message d'erreur reprend souvent ce qui a
 * été saisi (texte d'un signalement, courriel, paramètres d'une requête SQL),
 * et aucune donnée personnelle ne doit aller dans les journaux.
 */

/** Le type d'une erreur (« TypeError », « DrizzleQueryError »…), seulement s'il a la forme d'un nom de classe. */
export function typeErreur(erreur: unknown): string {
  const nom = erreur instanceof Error ? erreur.name || erreur.constructor.name : undefined
  return nom && /^[A-Za-z_][A-Za-z0-9_]{0,60}$/.test(nom) ? nom : 'Erreur'
}

/** « Erreur serveur sur POST /annuaire/signaler : TypeError » : la route sans paramètres, le type. */
export const ligneErreur = (methode: string | undefined, chemin: string, erreur: unknown) =>
  `Erreur serveur sur ${methode ?? 'GET'} ${chemin.split('?')[0]} : ${typeErreur(erreur)}`

const NIVEAU_ERREUR = 50

/**
 * Arguments d'un appel au journal de Payload (pino), caviardés : une erreur
 * (seule ou sous la clé `err`) est réduite à son type ; à partir du niveau
 * « error », un texte libre est remplacé, car Payload y écrit parfois le
 * message d'une erreur. Les messages ordinaires (démarrage, migrations) passent.
 */
export function caviarder(args: readonly unknown[], niveau: number): unknown[] {
  const [premier] = args
  const objet = typeof premier === 'object' && premier !== null ? (premier as Record<string, unknown>) : undefined
  if (premier instanceof Error || (objet && 'err' in objet)) {
    const type = typeErreur(premier instanceof Error ? premier : objet!.err)
    return [{ type }, `Erreur ${type} (détail caviardé)`]
  }
  if (niveau >= NIVEAU_ERREUR) return [{}, 'Erreur (détail caviardé)']
  return [...args]
}
