/**
 * Les paramètres de l'API REST de Payload (`/api/…`), vérifiés avant elle :
 * Payload les passe tels quels à la base et répond 500 à `limit=1.5`,
 * `limit[a]=1`, `limit=a&limit=b`, `page=4.9e137`, `where=abc`, ou à une
 * condition sur un identifiant qui n'en est pas un (`where[id][in]=abc`,
 * `where[structure][equals]=x`, `where[id][in]=`). Un paramètre de travers
 * reçoit 400 avec un message qui le nomme, au format d'erreur de Payload
 * (`{ errors: [{ message }] }`), que l'admin sait afficher. Trouvé par
 * tests/e2e/entrees-mauvaises.test.ts.
 */
const ENTIERS = ['limit', 'page', 'depth'] as const
const ENTIER = /^\d{1,9}$/
const IDENTIFIANTS = /^\d{1,15}(,\d{1,15})*$/
/** Opérateurs des champs de position (type « point ») : aucune collection n'en a. */
const OPERATEURS_POSITION = new Set(['near', 'within', 'intersects'])

/**
 * Le message d'erreur du premier paramètre de travers, ou rien si la requête peut aller à Payload.
 * `identifiants` : les champs de la collection qui portent un identifiant (relations, fichiers) ; `id` l'est toujours.
 */
export function erreurParametresApi(parametres: URLSearchParams, identifiants: ReadonlySet<string> = new Set()): string | undefined {
  for (const nom of ENTIERS) {
    const valeurs = parametres.getAll(nom)
    const enCrochets = [...parametres.keys()].some((k) => k.startsWith(`${nom}[`))
    if (enCrochets || valeurs.length > 1 || (valeurs.length === 1 && !ENTIER.test(valeurs[0]!)))
      return `Paramètre « ${nom} » : un nombre entier positif est attendu, une seule fois (par exemple ${nom}=10).`
  }
  if (parametres.has('where')) return 'Paramètre « where » : des conditions sont attendues sous la forme where[champ][opérateur]=valeur.'
  for (const [cle, valeur] of parametres) {
    if (!cle.startsWith('where[')) continue
    const segments = [...cle.slice('where'.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)
    // where[id][in][0]=… : l'indice d'une liste de valeurs.
    if (segments.length > 2 && /^\d+$/.test(segments.at(-1)!)) segments.pop()
    const [champ, operateur] = segments.slice(-2)
    if (!champ || !operateur) continue
    if (OPERATEURS_POSITION.has(operateur)) return `Condition « ${cle} » : l’opérateur « ${operateur} » ne s’applique qu’à une position géographique.`
    const identifiant = champ.split('.').at(-1) === 'id' || identifiants.has(champ)
    // « égal à rien » ne trouve rien, sans erreur de la base : laissé à Payload.
    const vide = valeur === '' && (operateur === 'equals' || operateur === 'not_equals')
    if (identifiant && operateur !== 'exists' && !vide && !IDENTIFIANTS.test(valeur))
      return `Condition « ${cle} » : des identifiants numériques sont attendus (par exemple 12 ou 12,15).`
  }
  return undefined
}
