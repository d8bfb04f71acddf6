import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Polices du portail : Marianne (DSFR) réduite aux caractères du français.
 *
 * Les fichiers du DSFR couvrent aussi le vietnamien et le latin étendu
 * (788 glyphes, 58 Ko chacun) : quatre graisses pesaient 235 Ko, presque tout
 * le budget d'une première visite. Réduits au latin de base, au Latin-1, à
 * « œ », « Ÿ » et à la ponctuation française (espaces fines, guillemets,
 * tirets, points de suspension, €), ils pèsent la moitié. Un caractère absent
 * est dessiné par la police de repli (Arial aux métriques ajustées).
 *
 * Les fichiers réduits sont versionnés dans site/polices/ (aucun calcul à
 * chaque publication) ; `npm run polices` les régénère, et sources.json garde
 * l'empreinte des fichiers du DSFR d'origine pour qu'un test signale une mise à
 * jour du DSFR restée sans régénération.
 */

export const DOSSIER_POLICES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'polices')

/** Les graisses employées par le DSFR pour le texte courant, les boutons, les titres, et l'italique des indications. */
export const POLICES = [
  { fichier: 'Marianne-Regular.woff2', poids: 400, style: 'normal' },
  { fichier: 'Marianne-Medium.woff2', poids: 500, style: 'normal' },
  { fichier: 'Marianne-Bold.woff2', poids: 700, style: 'normal' },
  { fichier: 'Marianne-Regular_Italic.woff2', poids: 400, style: 'italic' },
] as const

const plage = (debut: number, fin: number) => Array.from({ length: fin - debut + 1 }, (_, i) => debut + i)

/** Points de code gardés : ASCII imprimable, Latin-1, Œ œ Ÿ, apostrophe et accents isolés, ponctuation générale, € ™, flèches (← ↑ → ↓ du logigramme), −. */
export const POINTS_DE_CODE: readonly number[] = [
  ...plage(0x20, 0x7e),
  ...plage(0xa0, 0xff),
  0x152,
  0x153,
  0x178,
  0x2bc,
  0x2c6,
  0x2da,
  0x2dc,
  ...plage(0x2010, 0x2027),
  ...plage(0x202f, 0x203a),
  0x20ac,
  0x2122,
  ...plage(0x2190, 0x2193),
  0x2212,
]

const require = createRequire(import.meta.url)
/** Dossier des polices du paquet @gouvfr/dsfr installé. */
export const dossierPolicesDsfr = () => path.join(path.dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist', 'fonts')
export const versionDsfr = () => (JSON.parse(readFileSync(require.resolve('@gouvfr/dsfr/package.json'), 'utf8')) as { version: string }).version

export const empreinteFichier = (chemin: string) => createHash('sha256').update(readFileSync(chemin)).digest('hex')

/** Contenu attendu de site/polices/sources.json pour le DSFR installé. */
export const sourcesAttendues = () => ({
  dsfr: versionDsfr(),
  empreintes: Object.fromEntries(POLICES.map(({ fichier }) => [fichier, empreinteFichier(path.join(dossierPolicesDsfr(), fichier))])),
})
