import { composantes } from '../temps'
import { ACTIONS_JOURNAL, type EvenementJournal } from './evenements'

/**
 * Écriture CSV, pour un tableur français (Excel, LibreOffice) : séparateur
 * « ; » (la virgule est le séparateur décimal), marque d'ordre des octets
 * UTF-8 en tête (sans elle, Excel lit les accents en Windows-1252), fins de
 * ligne CRLF (RFC 4180).
 *
 * Une cellule qui commence par = + - @ (ou une tabulation, un retour chariot)
 * serait exécutée comme une formule par le tableur (injection de formules
 * CSV, OWASP) : elle est préfixée d'une apostrophe, qui la garde en texte.
 * Le journal ne contient que des identifiants, mais une adresse ou une cible
 * viennent d'une requête : on ne fait confiance à aucune cellule.
 */

export const SEPARATEUR_CSV = ';'
export const BOM_UTF8 = '\uFEFF'
const FIN_DE_LIGNE = '\r\n'

export type CelluleCsv = string | number | null | undefined

/** Une cellule sûre : neutralisée si elle ressemble à une formule, entre guillemets si elle contient ; " ou une fin de ligne. */
export function celluleCsv(valeur: CelluleCsv): string {
  let texte = valeur == null ? '' : String(valeur)
  // Un nombre écrit par nous (identifiant) n'est pas une formule ; toute autre chaîne est suspecte.
  if (typeof valeur !== 'number' && /^[=+\-@\t\r]/.test(texte)) texte = `'${texte}`
  return /[";\r\n]/.test(texte) ? `"${texte.replaceAll('"', '""')}"` : texte
}

export const ligneCsv = (cellules: readonly CelluleCsv[]) => cellules.map(celluleCsv).join(SEPARATEUR_CSV) + FIN_DE_LIGNE

/** Un document complet : BOM, en-têtes, lignes. */
export function documentCsv(entetes: readonly string[], lignes: Iterable<readonly CelluleCsv[]>): string {
  let texte = BOM_UTF8 + ligneCsv(entetes)
  for (const l of lignes) texte += ligneCsv(l)
  return texte
}

/** Une ligne du journal telle que la base la rend. */
export type LigneJournal = EvenementJournal & { id: number | string; createdAt: string }

export const ENTETES_JOURNAL = [
  'Numéro',
  'Date et heure (Paris)',
  'Horodatage UTC',
  'Action',
  'Action (libellé)',
  'Compte',
  'Enregistrement visé',
  'Adresse du poste',
] as const

const deux = (n: number) => String(n).padStart(2, '0')

/** « 2026-12-03 14:05:09 » à l'heure de Paris : triable, et lu comme une date par les tableurs. */
export function dateHeureParis(instant: Date): string {
  const c = composantes(instant)
  return `${c.annee}-${deux(c.mois)}-${deux(c.jour)} ${deux(c.heure)}:${deux(c.minute)}:${deux(c.seconde)}`
}

export function cellulesJournal(ligne: LigneJournal): CelluleCsv[] {
  const instant = new Date(ligne.createdAt)
  return [
    ligne.id,
    dateHeureParis(instant),
    instant.toISOString(),
    ligne.action,
    ACTIONS_JOURNAL[ligne.action] ?? '',
    ligne.acteur == null ? '' : Number(ligne.acteur),
    ligne.cible,
    ligne.adresse,
  ]
}

/** Nom du fichier d'export, daté du jour (heure de Paris). */
export const nomFichierJournal = (maintenant: Date) => `journal-audit-${dateHeureParis(maintenant).slice(0, 10)}.csv`
