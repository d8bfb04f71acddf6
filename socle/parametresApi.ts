/**
 * Les paramètres de pagination de l'API REST de Payload (`/api/…`), vérifiés
 * avant elle : Payload répond 500 à `limit=1.5`, `limit[a]=1`, `limit=a&limit=b`,
 * `page=4.9e137` ou `where=abc` (il les passe tels quels à la base). Un
 * paramètre de travers reçoit 400 avec un message qui le nomme, au format
 * d'erreur de Payload (`{ errors: [{ message }] }`), que l'admin sait afficher.
 * Trouvé par tests/e2e/entrees-mauvaises.test.ts.
 */
const ENTIERS = ['limit', 'page', 'depth'] as const
const ENTIER = /^\d{1,9}$/

/** Le message d'erreur du premier paramètre de travers, ou rien si la requête peut aller à Payload. */
export function erreurParametresApi(parametres: URLSearchParams): string | undefined {
  for (const nom of ENTIERS) {
    const valeurs = parametres.getAll(nom)
    const enCrochets = [...parametres.keys()].some((k) => k.startsWith(`${nom}[`))
    if (enCrochets || valeurs.length > 1 || (valeurs.length === 1 && !ENTIER.test(valeurs[0]!)))
      return `Paramètre « ${nom} » : un nombre entier positif est attendu, une seule fois (par exemple ${nom}=10).`
  }
  if (parametres.has('where')) return 'Paramètre « where » : des conditions sont attendues sous la forme where[champ][opérateur]=valeur.'
  return undefined
}
