/**
 * Les adresses saisies dans l'admin deviennent des liens du portail : seules les
 * adresses http(s) complètes sont acceptées. Une adresse « javascript: » ou
 * « data: » s'exécuterait au clic d'un agent ; « //site » ou « /\site » partirait
 * vers un autre site en ayant l'air d'un chemin du portail.
 */
export function estAdresseWeb(valeur: string): boolean {
  if (!/^https?:\/\//i.test(valeur) || /\s/.test(valeur)) return false
  try {
    const url = new URL(valeur)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

/** Validation Payload d'un champ texte qui contient une adresse web, avec un message qui nomme le champ. */
export const validerAdresseWeb = (libelle: string) => (valeur: string | null | undefined) =>
  !valeur || estAdresseWeb(valeur) ? true : `${libelle} : adresse web complète attendue, commençant par https:// (ou http://).`
