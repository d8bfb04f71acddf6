/**
 * Tout envoi (POST) vers une page du portail est un formulaire HTML : les
 * pages le lisent par `request.formData()`, qui lève une exception sur un
 * autre type de corps (JSON, texte) ou sur un corps qui ne respecte pas son
 * en-tête (séparateur multipart absent ou faux). Refusé ici, une fois pour
 * toutes les pages, avec un message qui dit quoi faire, au lieu d'une erreur
 * 500 (trouvé par tests/e2e/entrees-mauvaises.test.ts).
 */
const TYPE_FORMULAIRE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i

const refus = (statut: number, message: string) =>
  new Response(message, { status: statut, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

/** La réponse de refus d'un envoi qui n'est pas un formulaire lisible ; rien si la requête n'envoie pas de formulaire ou l'envoie bien. */
export async function refusFormulaireIllisible(requete: Request): Promise<Response | undefined> {
  if (requete.method !== 'POST') return undefined
  if (!TYPE_FORMULAIRE.test(requete.headers.get('content-type') ?? ''))
    return refus(415, 'Envoi refusé : en-tête Content-Type : un formulaire est attendu (application/x-www-form-urlencoded ou multipart/form-data). Envoyez-le depuis la page du portail.')
  try {
    // Lu sur une copie : la page relit le corps d'origine.
    await requete.clone().formData()
  } catch {
    return refus(400, 'Formulaire illisible : son contenu ne suit pas le format annoncé par l’en-tête Content-Type. Envoyez-le à nouveau depuis la page du portail.')
  }
  return undefined
}
