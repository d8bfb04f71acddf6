import { createHmac } from 'node:crypto'
import { Readable } from 'node:stream'

import ExcelJS from 'exceljs'

import { codeCommuneSaisie } from '../territoire'
import { dateCalendaire } from './champs'
import { normaliserIdentite } from './cle-personne'
import { PROFILS, schemaSaisine, SEXES, type Profil, type Saisine, type SaisineSaisie } from './schema'

/**
 * L'auto-saisine à partir de la synthèse hebdomadaire de l'activité à
 * caractère social délivrée par le GGD 01 (cahier des charges, « Modalités de
 * saisine ») : le fichier (CSV ou XLSX) est lu ligne à ligne, chaque ligne
 * valide devient une saisine « à trier » (statuts.ts) pour le poste qui couvre
 * son unité, chaque ligne invalide un rejet en français qui nomme la ligne et
 * la colonne. Sans Payload : cms/saisines/synthese.ts écrit.
 *
 * Une ligne = une personne = une saisine. La ligne passe par le même schéma
 * qu'une saisine enregistrée à la main (`schemaSaisine`) : ce qui serait
 * refusé dans le formulaire l'est ici aussi (date de naissance ou âge, profil,
 * problématique du référentiel…).
 *
 * Les motifs ne citent jamais un nom, un prénom, une date de naissance ni un
 * résumé : seulement les codes et libellés (date des faits, unité, commune,
 * sexe, profil, nature) utiles pour corriger le fichier.
 */

/** Les colonnes acceptées, dans l'ordre du modèle de fichier (README, « Saisines »). */
export const COLONNES_SYNTHESE = {
  date: {
    libelle: 'Date',
    obligatoire: true,
    aide: 'date des faits ou de l’intervention : AAAA-MM-JJ, JJ/MM/AAAA, ou cellule date d’un tableur',
    variantes: ['date', 'date des faits', 'date faits', 'date de l intervention', 'date intervention', 'date d intervention', 'jour', 'date de saisine'],
  },
  unite: {
    libelle: 'Unité',
    obligatoire: true,
    aide: 'brigade, compagnie ou commissariat, par son nom (« Brigade de Gex », « BTA Gex », « Gex ») ou son code (identifiant du site : « brigade-gex »)',
    variantes: ['unite', 'unites', 'brigade', 'compagnie', 'unite intervenante', 'unite saisissante', 'code unite', 'service'],
  },
  commune: {
    libelle: 'Commune',
    obligatoire: false,
    aide: 'commune de résidence de l’Ain : code INSEE ou nom',
    variantes: ['commune', 'code insee', 'insee', 'commune de residence', 'lieu de residence', 'residence', 'ville'],
  },
  nom: { libelle: 'Nom', obligatoire: true, aide: 'nom de la personne', variantes: ['nom', 'nom de naissance', 'nom d usage', 'nom de famille'] },
  prenom: { libelle: 'Prénom', obligatoire: true, aide: 'prénom de la personne', variantes: ['prenom', 'prenoms'] },
  naissance: {
    libelle: 'Date de naissance',
    obligatoire: false,
    aide: 'AAAA-MM-JJ ou JJ/MM/AAAA ; la date de naissance ou l’âge est exigé',
    variantes: ['date de naissance', 'naissance', 'ne le', 'nee le', 'ne e le', 'ddn', 'date naissance'],
  },
  age: { libelle: 'Âge', obligatoire: false, aide: 'âge en années révolues, si la date de naissance est inconnue', variantes: ['age', 'age ans'] },
  sexe: { libelle: 'Sexe', obligatoire: false, aide: 'F, H (ou M), Femme, Homme ; vide : non renseigné', variantes: ['sexe', 'genre'] },
  profil: {
    libelle: 'Profil',
    obligatoire: true,
    aide: 'victime, en voie de victimisation, détresse ou difficulté sociale, mis en cause (code ou libellé)',
    variantes: ['profil', 'qualite', 'statut de la personne', 'qualite de la personne'],
  },
  nature: {
    libelle: 'Nature',
    obligatoire: true,
    aide: 'nature de l’intervention ou problématique : code ou libellé du référentiel des problématiques',
    variantes: ['nature', 'nature de l intervention', 'nature intervention', 'problematique', 'problematique principale', 'motif', 'nature des faits'],
  },
  resume: {
    libelle: 'Résumé',
    obligatoire: false,
    aide: 'résumé libre des faits (chiffré en base)',
    variantes: ['resume', 'resume des faits', 'faits', 'observations', 'commentaire', 'commentaires', 'texte libre'],
  },
  reference: {
    libelle: 'Référence',
    obligatoire: false,
    aide: 'référence de la procédure ou du message (chiffrée en base, avec le résumé)',
    variantes: ['reference', 'ref', 'reference procedure', 'reference de la procedure', 'n procedure', 'numero de procedure', 'reference du message', 'n message', 'numero de message', 'pv'],
  },
} as const satisfies Record<string, { libelle: string; obligatoire: boolean; aide: string; variantes: readonly string[] }>
export type ColonneSynthese = keyof typeof COLONNES_SYNTHESE

/**
 * Une synthèse est hebdomadaire (quelques dizaines de lignes) : au-delà de 500,
 * le fichier n'en est pas une. Mesuré : 1 000 saisines créées en 28 s sur
 * SQLite, 31 s sur PostgreSQL (environ 30 ms chacune, journal compris) ; 500
 * lignes restent sous le quart de minute d'une requête.
 */
export const LIGNES_MAX_SYNTHESE = 500

export type Cellule = string | number | boolean | Date | null | undefined
/** Le fichier lu : des lignes de cellules, numérotées comme dans un tableur (la première est la ligne 1). */
export type Tableau = Cellule[][]

/** Un site de la base, pour reconnaître l'unité d'une ligne. */
export type SiteConnu = { id: number; nom: string; slug?: string | null; type?: string | null }
export type EntreeReferentiel = { code: string; libelle: string }

export type ContexteSynthese = {
  maintenant: Date
  sites: readonly SiteConnu[]
  /** Problématiques actives (code et libellé) : la colonne « Nature » s'y rapporte. */
  problematiques: readonly EntreeReferentiel[]
  /** Codes d'origine actifs : « auto-saisine » s'il y est. */
  origines: readonly string[]
  /** La clé de pseudonymisation (celle de la clé personne) : l'empreinte d'une ligne ne se calcule pas sans elle. */
  cleSecrete: Uint8Array | string
}

/** Un rejet : la ligne du fichier, la colonne (son libellé, vide pour toute la ligne), le motif. */
export type RejetLigne = { ligne: number; colonne: string; motif: string }
export type LigneLue = { ligne: number; saisine: Saisine; unite: number; empreinte: string }
export type LectureSynthese =
  | { ok: true; lignes: LigneLue[]; rejets: RejetLigne[]; colonnesIgnorees: string[] }
  | { ok: false; erreur: string }

/** « ligne 7, colonne « Commune » : … » */
export const messageRejet = (r: RejetLigne) => (r.colonne ? `ligne ${r.ligne}, colonne « ${r.colonne} » : ${r.motif}` : `ligne ${r.ligne} : ${r.motif}`)

// ---------------------------------------------------------------------------
// Lecture du fichier
// ---------------------------------------------------------------------------

const estXlsx = (o: Uint8Array) => o.length > 4 && o[0] === 0x50 && o[1] === 0x4b && o[2] === 0x03 && o[3] === 0x04

/** Un classeur d'une semaine se décompresse en quelques Mo : au-delà, c'est une « bombe » (petit ZIP, énorme contenu). */
export const DECOMPRESSE_MAX_XLSX = 32 * 1024 * 1024

/**
 * Taille décompressée annoncée d'un ZIP, lue dans son répertoire central avant
 * de le confier à exceljs (qui décompresse tout en mémoire). `undefined` :
 * répertoire illisible ou ZIP64 (un classeur de synthèse n'en a pas besoin).
 */
export function tailleDecompressee(o: Uint8Array): number | undefined {
  const vue = new DataView(o.buffer, o.byteOffset, o.byteLength)
  // Fin du répertoire central : dans les 22 + 65 535 derniers octets (commentaire du ZIP).
  let fin = -1
  for (let i = o.length - 22; i >= Math.max(0, o.length - 22 - 0xffff); i--)
    if (vue.getUint32(i, true) === 0x06054b50) {
      fin = i
      break
    }
  if (fin < 0) return undefined
  const entrees = vue.getUint16(fin + 10, true)
  let position = vue.getUint32(fin + 16, true)
  let total = 0
  for (let n = 0; n < entrees; n++) {
    if (position + 46 > o.length || vue.getUint32(position, true) !== 0x02014b50) return undefined
    const taille = vue.getUint32(position + 24, true)
    if (taille === 0xffffffff) return undefined
    total += taille
    position += 46 + vue.getUint16(position + 28, true) + vue.getUint16(position + 30, true) + vue.getUint16(position + 32, true)
  }
  return total
}

/** Séparateur d'un CSV : celui des deux qui apparaît le plus sur la ligne d'en-tête (hors guillemets). */
export function separateurCsv(texte: string): ';' | ',' {
  const entete = (texte.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').replace(/"[^"]*"/g, '')
  const n = (c: string) => entete.split(c).length - 1
  return n(';') >= n(',') ? ';' : ','
}

/** Valeur d'une cellule exceljs : texte riche, formule et lien ramenés à leur valeur. */
function valeurExcel(v: ExcelJS.CellValue): Cellule {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('')
    if ('result' in v) return valeurExcel(v.result as ExcelJS.CellValue)
    if ('text' in v) return String(v.text)
  }
  return null
}

function lignesDe(feuille: ExcelJS.Worksheet | undefined): Tableau {
  const tableau: Tableau = []
  if (!feuille) return tableau
  for (let i = 1; i <= feuille.rowCount; i++) {
    const valeurs = feuille.getRow(i).values
    tableau.push(Array.isArray(valeurs) ? valeurs.slice(1).map((v) => valeurExcel(v as ExcelJS.CellValue)) : [])
  }
  return tableau
}

/**
 * Le fichier envoyé → ses lignes. XLSX reconnu à sa signature (pas à son nom) :
 * première feuille. Sinon CSV UTF-8, avec ou sans BOM, « ; » ou « , ». Les
 * cellules d'un CSV restent du texte (« 01053 » garde son zéro).
 */
export async function lireTableau(octets: Uint8Array): Promise<{ ok: true; tableau: Tableau } | { ok: false; erreur: string }> {
  if (octets.length === 0) return { ok: false, erreur: 'Fichier : le fichier est vide.' }
  const classeur = new ExcelJS.Workbook()
  if (estXlsx(octets)) {
    const taille = tailleDecompressee(octets)
    if (taille === undefined) return { ok: false, erreur: 'Fichier : classeur XLSX illisible (enregistrez-le à nouveau depuis le tableur, ou en CSV).' }
    if (taille > DECOMPRESSE_MAX_XLSX) return { ok: false, erreur: 'Fichier : classeur XLSX trop volumineux une fois décompressé pour une synthèse hebdomadaire.' }
    try {
      await classeur.xlsx.load(Buffer.from(octets) as unknown as ArrayBuffer)
    } catch {
      return { ok: false, erreur: 'Fichier : classeur XLSX illisible (enregistrez-le à nouveau depuis le tableur, ou en CSV).' }
    }
    return { ok: true, tableau: lignesDe(classeur.worksheets[0]) }
  }
  let texte: string
  try {
    texte = new TextDecoder('utf-8', { fatal: true }).decode(octets)
  } catch {
    return { ok: false, erreur: 'Fichier : ni un classeur XLSX ni un CSV en UTF-8 (enregistrez le CSV en « UTF-8 »).' }
  }
  if (texte.charCodeAt(0) === 0xfeff) texte = texte.slice(1)
  try {
    const feuille = await classeur.csv.read(Readable.from([texte]), { parserOptions: { delimiter: separateurCsv(texte) }, map: (v: unknown) => v } as never)
    return { ok: true, tableau: lignesDe(feuille) }
  } catch {
    return { ok: false, erreur: 'Fichier : CSV illisible (guillemets non refermés ?).' }
  }
}

// ---------------------------------------------------------------------------
// Valeurs des cellules
// ---------------------------------------------------------------------------

const texteDe = (c: Cellule): string => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim()
const estVide = (c: Cellule) => texteDe(c) === ''

const MS_JOUR = 86_400_000
/** Date d'une cellule : Date d'un tableur (minuit UTC), numéro de série Excel, AAAA-MM-JJ ou JJ/MM/AAAA (heure éventuelle ignorée). */
export function dateDeCellule(c: Cellule): string | undefined {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? undefined : c.toISOString().slice(0, 10)
  if (typeof c === 'number') return c > 0 && c < 100_000 ? new Date(Date.UTC(1899, 11, 30) + Math.floor(c) * MS_JOUR).toISOString().slice(0, 10) : undefined
  const t = texteDe(c)
  const iso = t.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$/)
  const fr = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/)
  const jour = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : undefined
  return jour && dateCalendaire(jour) ? jour : undefined
}

const SEXES_LUS: Readonly<Record<string, keyof typeof SEXES>> = {
  f: 'femme', femme: 'femme', feminin: 'femme', mme: 'femme', madame: 'femme',
  h: 'homme', m: 'homme', homme: 'homme', masculin: 'homme', mr: 'homme', monsieur: 'homme',
  nr: 'non-renseigne', 'non renseigne': 'non-renseigne', inconnu: 'non-renseigne', x: 'non-renseigne',
}

const PROFILS_LUS: Readonly<Record<string, Profil>> = {
  v: 'victime',
  mec: 'mis-en-cause', auteur: 'mis-en-cause', 'mis en cause': 'mis-en-cause', 'mise en cause': 'mis-en-cause', 'personne mise en cause': 'mis-en-cause',
  'voie de victimisation': 'victimisation', 'en voie de victimisation': 'victimisation', 'personne en voie de victimisation': 'victimisation',
  'en detresse': 'detresse', 'difficulte sociale': 'detresse', 'detresse ou difficulte sociale': 'detresse', 'en detresse ou en difficulte sociale': 'detresse',
  'personne en detresse ou en difficulte sociale': 'detresse',
}

/** Profil lu : code, libellé, ou variante ; « … et sa famille » accepté. */
function profilDe(texte: string): Profil | undefined {
  const t = normaliserIdentite(texte).replace(/ et (sa|leur|leurs) familles?$/, '')
  if (Object.hasOwn(PROFILS, t.replace(/ /g, '-'))) return t.replace(/ /g, '-') as Profil
  for (const [code, libelle] of Object.entries(PROFILS)) if (normaliserIdentite(libelle) === t) return code as Profil
  return PROFILS_LUS[t]
}

/** Problématique lue : code, libellé entier, ou libellé jusqu'à sa parenthèse ou sa virgule (« Violences intrafamiliales »). */
function problematiqueDe(texte: string, referentiel: readonly EntreeReferentiel[]): string | undefined {
  const t = normaliserIdentite(texte)
  for (const e of referentiel) if (e.code === texte.trim() || normaliserIdentite(e.code) === t) return e.code
  for (const e of referentiel) if (normaliserIdentite(e.libelle) === t) return e.code
  for (const e of referentiel) if (normaliserIdentite(e.libelle.split(/[(,]/)[0]!) === t) return e.code
  return undefined
}

// Unités : « Brigade de Gex », « BTA GEX », « COB Gex », « Gex », « brigade-gex ».
const TYPES_UNITE = new Set(['brigade', 'compagnie', 'commissariat'])
const MOTS_VIDES = new Set(['de', 'd', 'du', 'des', 'la', 'le', 'l', 'gendarmerie', 'territoriale', 'autonome', 'police', 'nationale', 'proximite'])
const SYNONYMES_TYPE: Readonly<Record<string, string>> = { bta: 'brigade', cob: 'brigade', bp: 'brigade', bgd: 'brigade', cie: 'compagnie', cgd: 'compagnie', csp: 'commissariat' }
const cleUnite = (texte: string) =>
  normaliserIdentite(texte)
    .split(' ')
    .filter((m) => m && !MOTS_VIDES.has(m))
    .map((m) => SYNONYMES_TYPE[m] ?? m)
    .join(' ')

type Unites = { exactes: Map<string, number[]>; sansType: Map<string, SiteConnu[]> }
function indexUnites(sites: readonly SiteConnu[]): Unites {
  const exactes = new Map<string, number[]>()
  const sansType = new Map<string, SiteConnu[]>()
  const ajouter = <V>(m: Map<string, V[]>, k: string, v: V) => m.set(k, [...(m.get(k) ?? []), v])
  for (const s of sites) {
    if (s.type && !TYPES_UNITE.has(s.type)) continue
    const cle = cleUnite(s.nom)
    ajouter(exactes, cle, s.id)
    if (s.slug) ajouter(exactes, `slug:${s.slug}`, s.id)
    const [premier, ...reste] = cle.split(' ')
    if (premier && TYPES_UNITE.has(premier) && reste.length) ajouter(sansType, reste.join(' '), s)
  }
  return { exactes, sansType }
}

/** L'unité d'une ligne : nom ou code exact, sinon nom de ville seul (la brigade d'abord, c'est l'unité qui intervient). */
function uniteDe(texte: string, unites: Unites): { id: number } | { motif: string } {
  const parSlug = unites.exactes.get(`slug:${texte.trim().toLowerCase()}`)
  const exactes = parSlug ?? unites.exactes.get(cleUnite(texte))
  if (exactes?.length === 1) return { id: exactes[0]! }
  if (exactes && exactes.length > 1) return { motif: `« ${texte} » désigne plusieurs unités : écrivez son code (identifiant du site)` }
  const candidates = unites.sansType.get(cleUnite(texte)) ?? []
  const brigades = candidates.filter((s) => s.type === 'brigade')
  if (candidates.length === 1) return { id: candidates[0]!.id }
  if (brigades.length === 1) return { id: brigades[0]!.id }
  if (candidates.length > 1) return { motif: `« ${texte} » désigne plusieurs unités : précisez « Brigade de… » ou « Compagnie de… »` }
  return { motif: `« ${texte} » : aucune brigade, compagnie ni commissariat de ce nom ou de ce code dans les sites du portail` }
}

// ---------------------------------------------------------------------------
// En-tête
// ---------------------------------------------------------------------------

const PAR_VARIANTE: ReadonlyMap<string, ColonneSynthese> = new Map(
  (Object.entries(COLONNES_SYNTHESE) as [ColonneSynthese, (typeof COLONNES_SYNTHESE)[ColonneSynthese]][]).flatMap(([cle, c]) =>
    [c.libelle, ...c.variantes].map((v) => [normaliserIdentite(v), cle] as const),
  ),
)

/** La colonne d'un en-tête, sans souci de casse, d'accents, de ponctuation ni d'un « n° » (« DATE DES FAITS », « Né(e) le »). */
export const colonneDeLEntete = (entete: string): ColonneSynthese | undefined => PAR_VARIANTE.get(normaliserIdentite(entete))

type Entete = { colonnes: Map<number, ColonneSynthese>; ignorees: string[]; ligne: number }
/**
 * La ligne d'en-tête : la première, parmi les dix premières lignes non vides,
 * qui nomme au moins trois colonnes connues (un extrait commence souvent par un
 * titre, « Synthèse hebdomadaire, semaine 49 ») ; sinon la première non vide.
 */
function ligneDEntete(tableau: Tableau): number {
  const nonVides = tableau.flatMap((l, i) => (l.some((c) => !estVide(c)) ? [i] : [])).slice(0, 10)
  const connues = (l: Cellule[]) => new Set(l.flatMap((c) => colonneDeLEntete(texteDe(c)) ?? [])).size
  return nonVides.find((i) => connues(tableau[i]!) >= 3) ?? nonVides[0] ?? -1
}

function lireEntete(tableau: Tableau): Entete | { erreur: string } {
  const indice = ligneDEntete(tableau)
  if (indice < 0) return { erreur: 'Fichier : aucune ligne (ni en-tête ni donnée).' }
  const colonnes = new Map<number, ColonneSynthese>()
  const vues = new Map<ColonneSynthese, string>()
  const ignorees: string[] = []
  for (const [i, c] of tableau[indice]!.entries()) {
    const titre = texteDe(c)
    if (!titre) continue
    const cle = colonneDeLEntete(titre)
    if (!cle) {
      ignorees.push(titre)
      continue
    }
    if (vues.has(cle))
      return { erreur: `En-tête (ligne ${indice + 1}) : « ${vues.get(cle)} » et « ${titre} » désignent toutes deux la colonne « ${COLONNES_SYNTHESE[cle].libelle} » ; gardez-en une.` }
    vues.set(cle, titre)
    colonnes.set(i, cle)
  }
  const manquantes = (Object.entries(COLONNES_SYNTHESE) as [ColonneSynthese, { libelle: string; obligatoire: boolean }][])
    .filter(([cle, c]) => c.obligatoire && !vues.has(cle))
    .map(([, c]) => `« ${c.libelle} »`)
  if (!vues.has('naissance') && !vues.has('age')) manquantes.push('« Date de naissance » ou « Âge »')
  if (manquantes.length)
    return { erreur: `En-tête (ligne ${indice + 1}) : colonne${manquantes.length > 1 ? 's' : ''} ${manquantes.join(', ')} absente${manquantes.length > 1 ? 's' : ''}. Voir les colonnes acceptées ci-dessous.` }
  return { colonnes, ignorees, ligne: indice + 1 }
}

// ---------------------------------------------------------------------------
// Lignes
// ---------------------------------------------------------------------------

const SEPARATEUR = '\u001f'

/**
 * L'empreinte d'une ligne, pour qu'un fichier envoyé deux fois ne crée rien
 * deux fois : HMAC-SHA256, avec la clé de pseudonymisation, de la ligne
 * normalisée (valeurs lues : date ISO, unité, code INSEE, nom et prénom
 * normalisés comme pour la clé personne, profil et problématique en codes,
 * résumé et référence normalisés). Jamais un nom en clair en base ; sans la
 * clé, l'empreinte ne dit rien. Le préfixe la distingue d'une clé personne.
 */
export function empreinteLigne(s: Saisine, reference: string | undefined, resume: string | undefined, cleSecrete: Uint8Array | string): string {
  const p = s.personnes[0]!
  const champs = [
    'synthese-ggd:v1',
    s.date,
    String(s.unite ?? ''),
    p.commune ?? '',
    normaliserIdentite(p.nom),
    normaliserIdentite(p.prenom),
    p.dateNaissance ?? '',
    p.age === undefined ? '' : String(p.age),
    p.sexe,
    s.profil,
    s.problematique,
    normaliserIdentite(resume ?? ''),
    normaliserIdentite(reference ?? ''),
  ]
  const cle = typeof cleSecrete === 'string' ? Buffer.from(cleSecrete, 'utf8') : cleSecrete
  return createHmac('sha256', cle).update(champs.join(SEPARATEUR), 'utf8').digest('hex')
}

/** Le chemin d'une erreur du schéma de saisine → la colonne du fichier. */
function colonneDuChemin(chemin: readonly PropertyKey[], presentes: ReadonlySet<ColonneSynthese>): ColonneSynthese | undefined {
  const [tete, , champ] = chemin.map(String)
  if (tete === 'personnes') {
    if (champ === 'dateNaissance') return presentes.has('naissance') ? 'naissance' : 'age'
    if (champ === 'age') return presentes.has('age') ? 'age' : 'naissance'
    return ({ nom: 'nom', prenom: 'prenom', commune: 'commune', sexe: 'sexe' } as const)[champ as 'nom'] ?? undefined
  }
  return ({ date: 'date', unite: 'unite', profil: 'profil', problematique: 'nature', texteLibre: 'resume' } as const)[tete as 'date']
}

/** Le message du schéma sans son préfixe « Champ : », la colonne le dit déjà. */
const sansPrefixe = (message: string) => message.replace(/^[^:«]+ : /, '')

/**
 * Lit les lignes de la synthèse : en-tête tolérant (casse, accents,
 * variantes ; colonnes inconnues ignorées et citées), lignes vides ignorées,
 * chaque ligne validée par le schéma des saisines ; rend les saisines à créer
 * (avec leur empreinte) et les rejets.
 */
export function lireSynthese(tableau: Tableau, contexte: ContexteSynthese): LectureSynthese {
  const entete = lireEntete(tableau)
  if ('erreur' in entete) return { ok: false, erreur: entete.erreur }
  const lignesDeDonnees = tableau.slice(entete.ligne).filter((l) => l.some((c) => !estVide(c))).length
  if (lignesDeDonnees > LIGNES_MAX_SYNTHESE)
    return { ok: false, erreur: `Fichier : ${lignesDeDonnees} lignes ; une synthèse hebdomadaire en compte ${LIGNES_MAX_SYNTHESE} au plus. Découpez le fichier.` }
  if (lignesDeDonnees === 0) return { ok: false, erreur: 'Fichier : l’en-tête est là, mais aucune ligne de données.' }

  const presentes = new Set(entete.colonnes.values())
  const unites = indexUnites(contexte.sites)
  const schema = schemaSaisine({ maintenant: contexte.maintenant, problematiques: contexte.problematiques.map((p) => p.code), origines: contexte.origines })
  const lignes: LigneLue[] = []
  const rejets: RejetLigne[] = []

  for (let i = entete.ligne; i < tableau.length; i++) {
    const cellules = tableau[i]!
    if (!cellules.some((c) => !estVide(c))) continue
    const numero = i + 1
    const v = {} as Partial<Record<ColonneSynthese, Cellule>>
    for (const [indice, cle] of entete.colonnes) v[cle] = cellules[indice]
    const t = (cle: ColonneSynthese) => texteDe(v[cle])
    const rejetsDeLaLigne: RejetLigne[] = []
    const rejeter = (cle: ColonneSynthese | '', motif: string) => rejetsDeLaLigne.push({ ligne: numero, colonne: cle ? COLONNES_SYNTHESE[cle].libelle : '', motif })

    const date = estVide(v.date) ? undefined : dateDeCellule(v.date!)
    if (estVide(v.date)) rejeter('date', 'champ obligatoire')
    else if (!date) rejeter('date', `« ${t('date')} » n’est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)`)

    let unite: number | undefined
    if (estVide(v.unite)) rejeter('unite', 'champ obligatoire')
    else {
      const u = uniteDe(t('unite'), unites)
      if ('id' in u) unite = u.id
      else rejeter('unite', u.motif)
    }

    let commune: string | undefined
    if (!estVide(v.commune)) {
      commune = codeCommuneSaisie(t('commune'))
      if (!commune) rejeter('commune', `« ${t('commune')} » : ni un code INSEE ni un nom de commune de l’Ain`)
    }

    let naissance: string | undefined
    if (!estVide(v.naissance)) {
      naissance = dateDeCellule(v.naissance!)
      // La valeur n'est pas citée : une date de naissance est une donnée personnelle.
      if (!naissance) rejeter('naissance', 'date invalide (AAAA-MM-JJ ou JJ/MM/AAAA)')
    }
    let age: number | undefined
    if (!estVide(v.age)) {
      const n = typeof v.age === 'number' ? v.age : Number(t('age').replace(/\s*ans?$/i, '').replace(',', '.'))
      if (Number.isInteger(n)) age = n
      else rejeter('age', 'nombre entier d’années attendu')
    }

    const sexe = estVide(v.sexe) ? 'non-renseigne' : SEXES_LUS[normaliserIdentite(t('sexe'))]
    if (!sexe) rejeter('sexe', `« ${t('sexe')} » : F, H (ou M), Femme ou Homme attendu`)

    const profil = estVide(v.profil) ? undefined : profilDe(t('profil'))
    if (estVide(v.profil)) rejeter('profil', 'champ obligatoire')
    else if (!profil) rejeter('profil', `« ${t('profil')} » : victime, en voie de victimisation, détresse ou difficulté sociale, ou mis en cause attendu`)

    const problematique = estVide(v.nature) ? undefined : problematiqueDe(t('nature'), contexte.problematiques)
    if (estVide(v.nature)) rejeter('nature', 'champ obligatoire')
    else if (!problematique) rejeter('nature', `« ${t('nature')} » : absente du référentiel des problématiques (code ou libellé attendu)`)

    if (rejetsDeLaLigne.length) {
      rejets.push(...rejetsDeLaLigne)
      continue
    }

    const resume = t('resume') || undefined
    const reference = t('reference') || undefined
    const texteLibre = [reference && `Référence : ${reference}`, resume].filter(Boolean).join('\n\n') || undefined
    const saisie: SaisineSaisie = {
      unite,
      mode: 'synthese-ggd',
      nature: 'indirecte',
      ...(contexte.origines.includes('auto-saisine') ? { origine: 'auto-saisine' } : {}),
      date: date!,
      urgence: false,
      personnes: [
        {
          nom: t('nom'),
          prenom: t('prenom'),
          ...(naissance ? { dateNaissance: naissance } : {}),
          ...(age === undefined ? {} : { age }),
          sexe: sexe!,
          situationFamiliale: 'non-renseignee',
          ...(commune ? { commune } : {}),
        },
      ],
      profil: profil!,
      problematique: problematique!,
      accepteContact: 'non-demande',
      ...(texteLibre ? { texteLibre } : {}),
    }
    const r = schema.safeParse(saisie)
    if (!r.success) {
      const vus = new Set<string>()
      for (const issue of r.error.issues) {
        const cle = colonneDuChemin(issue.path, presentes)
        const rejet = { ligne: numero, colonne: cle ? COLONNES_SYNTHESE[cle].libelle : '', motif: cle ? sansPrefixe(issue.message) : issue.message }
        if (!vus.has(rejet.colonne)) rejets.push(rejet)
        vus.add(rejet.colonne)
      }
      continue
    }
    lignes.push({ ligne: numero, saisine: r.data, unite: unite!, empreinte: empreinteLigne(r.data, reference, resume, contexte.cleSecrete) })
  }
  return { ok: true, lignes, rejets, colonnesIgnorees: entete.ignorees }
}
