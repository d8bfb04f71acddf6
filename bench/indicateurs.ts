/**
 * Banc d'essai des indicateurs :
 *
 *   npm run bench:indicateurs -- [--saisines 100000] [--tours 5]
 *
 * Pour chaque base (SQLite puis PostgreSQL, chacune dans un processus à part,
 * car la configuration est lue une fois par processus) : base jetable
 * migrée, N saisines synthétiques réparties sur 2025 et 2026, avec leurs
 * personnes (familles, personnes saisies plusieurs fois, personnes sans date
 * de naissance), actes et orientations, tirées d'une graine fixe et insérées
 * en SQL par lots (identités et textes réellement chiffrés, clés pseudonymes
 * réellement calculées) ; puis le bilan complet du 4e trimestre 2026
 * (`calculerIndicateurs`, les neuf indicateurs, département entier) est
 * calculé `tours` fois après un tour de chauffe : la médiane est retenue.
 * Les statistiques des tables sont mises à jour (ANALYZE) avant de mesurer,
 * comme l'autovacuum de PostgreSQL le fait en service.
 *
 * Dernière ligne de stdout, en JSON :
 *   {"n_saisines","indicateurs_ms_postgres","indicateurs_ms_sqlite","xlsx_ms","pdf_ms",
 *    "annee_ms_postgres","annee_ms_sqlite","poste_ms_postgres","poste_ms_sqlite","saisines_du_trimestre","insertion_s_postgres","insertion_s_sqlite","charge_machine"}
 * xlsx_ms et pdf_ms : l'export XLSX et le rapport PDF du même trimestre,
 * tels que les routes de /espace/indicateurs les produisent (rapport des
 * trois périodes — la période, la précédente, l'an passé — puis le fichier),
 * mesurés sur PostgreSQL, la base de production.
 */
import { spawn } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { generateur } from './aleatoire'

const { values } = parseArgs({
  options: { saisines: { type: 'string', default: '100000' }, tours: { type: 'string', default: '5' }, base: { type: 'string' } },
})
const N = Number(values.saisines)
const TOURS = Number(values.tours)
if (!Number.isInteger(N) || N < 1) throw new Error('--saisines : nombre entier positif attendu')
if (!Number.isInteger(TOURS) || TOURS < 1) throw new Error('--tours : nombre entier positif attendu')
const log = (m: string) => process.stderr.write(`${m}\n`)


type Mesure = {
  base: string
  trimestre_ms: number
  annee_ms: number
  poste_ms: number
  insertion_s: number
  saisines_du_trimestre: number
  /** Exports du rapport du trimestre (trois périodes calculées, puis mis en fichier) : médianes, requêtes comprises. */
  xlsx_ms: number
  pdf_ms: number
}

async function mesurerUneBase(type: 'sqlite' | 'postgres'): Promise<Mesure> {
  process.env.PASSERELLE_TEST_BASE = type
  process.env.SAISINES_EN_LIGNE = 'oui'
  const { creerPremierOperateur, demarrerBaseDeTest } = await import('../tests/outils/payloadDeTest')
  const base = await demarrerBaseDeTest()
  try {
    const payload = base.payload
    const { sql: sqlPostgres } = await import('@payloadcms/db-postgres')
    const { sql: sqlSqlite } = await import('@payloadcms/db-sqlite')
    const sql = (type === 'postgres' ? sqlPostgres : sqlSqlite) as typeof sqlSqlite
    const db = payload.db as unknown as { drizzle: { run?: (q: unknown) => Promise<unknown>; execute?: (q: unknown) => Promise<unknown> } }
    const executer = (q: unknown) => (type === 'postgres' ? db.drizzle.execute!(q) : db.drizzle.run!(q))
    const { chiffrerChamp, chiffrerIdentite, clePseudonyme } = await import('../cms/saisines/chiffrement')
    const { calculerIndicateurs, requetesAgregats } = await import('../cms/indicateurs/requetes')
    const { MODES_SAISINE, natureParDefaut, PROFILS, SEXES, SITUATIONS_FAMILIALES, TYPES_ACTE, STATUTS_ORIENTATION, PROBLEMATIQUES_AMORCEES, ORIGINES_AMORCEES } = await import(
      '../domaine/saisines'
    )
    const { communesDeLAin } = await import('../domaine/territoire')
    const { ajouterJours, instantLocal } = await import('../domaine/temps')
    const typesPartenaires = Object.keys((await import('../content/codes/types-partenaires.json')).default)

    await creerPremierOperateur(base, { email: 'operateur-banc@example.org', password: 'motdepasse-du-banc-indicateurs' })
    const ctx = { sansPublication: true }
    const sites: number[] = []
    for (let i = 0; i < 12; i++)
      sites.push((await payload.create({ collection: 'sites', data: { nom: `Unité ${i + 1}`, slug: `unite-${i + 1}`, type: 'compagnie', commune: '01053' }, overrideAccess: true, context: ctx })).id)
    const postes: number[] = []
    for (let i = 0; i < 4; i++)
      postes.push((await payload.create({ collection: 'postes', data: { intitule: `IS ${i + 1}`, slug: `is-${i + 1}`, secteur: `Secteur ${i + 1}`, sites: sites.slice(i * 3, i * 3 + 3) }, overrideAccess: true, context: ctx })).id)
    const auteur = (await payload.create({ collection: 'utilisateurs', data: { email: 'banc-indicateurs@example.org', role: 'intervenant', poste: postes[0] }, overrideAccess: true })).id

    const r = generateur(20261203)
    const communes = communesDeLAin().map((c) => c.code)
    const modes = Object.keys(MODES_SAISINE) as (keyof typeof MODES_SAISINE)[]
    const profils = Object.keys(PROFILS)
    const sexes = Object.keys(SEXES)
    const situations = Object.keys(SITUATIONS_FAMILIALES)
    const typesActe = Object.keys(TYPES_ACTE)
    const statutsOrientation = Object.keys(STATUTS_ORIENTATION)
    const connaissances = ['oui', 'non', 'inconnu']
    // Un quart des personnes reviennent : tirées d'un vivier de personnes déjà saisies.
    const vivier: { nom: string; prenom: string; dateNaissance: string }[] = []
    const jourDe = (i: number) => ajouterJours('2025-01-01', i)
    const iso = (jour: string, heure: string) => instantLocal(jour, heure).toISOString()

    const debutInsertion = performance.now()
    const LOT = 500
    let idActe = 0
    let idOrientation = 0
    let saisinesDuTrimestre = 0
    for (let debut = 1; debut <= N; debut += LOT) {
      const saisines: unknown[] = []
      const personnes: unknown[] = []
      const actes: unknown[] = []
      const orientations: unknown[] = []
      for (let id = debut; id < Math.min(debut + LOT, N + 1); id++) {
        const jeton = `banc${id.toString(16).padStart(12, '0')}`
        const date = jourDe(r.entre(0, 729))
        if (date >= '2026-10-01' && date <= '2026-12-31') saisinesDuTrimestre++
        const posteIdx = r.entre(0, 3)
        const mode = r.parmi(modes)
        const sansUnite = mode === 'partenaire' || mode === 'visite-spontanee'
        const prise = r.suivant() < 0.85 ? ajouterJours(date, r.entre(0, 3)) : null
        const cloture = prise && r.suivant() < 0.7 ? ajouterJours(prise, r.entre(0, 120)) : null
        const historique = [{ de: null, vers: 'recue', le: iso(date, '09:00'), par: auteur }]
        if (prise) historique.push({ de: 'recue' as never, vers: 'prise-en-charge', le: iso(prise, '10:00'), par: auteur })
        if (cloture) historique.push({ de: 'prise-en-charge' as never, vers: 'cloturee', le: iso(cloture, '17:00'), par: auteur })
        saisines.push(
          sql`(${id}, ${jeton}, ${postes[posteIdx]!}, ${sansUnite ? null : sites[posteIdx * 3 + r.entre(0, 2)]!}, ${auteur}, ${mode}, ${natureParDefaut(mode)}, ${
            r.suivant() < 0.8 ? r.parmi(ORIGINES_AMORCEES) : null
          }, ${date}, ${r.parmi(profils)}, ${r.parmi(PROBLEMATIQUES_AMORCEES)}, ${'oui'}, ${cloture ? 'cloturee' : prise ? 'prise-en-charge' : 'recue'}, ${JSON.stringify(historique)}, ${r.parmi(
            connaissances,
          )}, ${r.parmi(connaissances)}, ${prise ? iso(prise, '10:00') : null}, ${cloture ? iso(cloture, '17:00') : null}, ${chiffrerChamp('saisines', jeton, 'texteLibre', `Texte libre synthétique ${id}`)})`,
        )
        const tirage = r.suivant()
        const nombre = tirage < 0.7 ? 1 : tirage < 0.85 ? 2 : r.entre(3, 4)
        for (let k = 0; k < nombre; k++) {
          const rang = `${jeton}p${k}`
          const revient = vivier.length > 0 && r.suivant() < 0.25
          const identite = revient ? r.parmi(vivier) : { nom: `Nom${id}x${k}`, prenom: `Prénom${r.entre(1, 500)}`, dateNaissance: jourDe(r.entre(-30000, -400)) }
          if (!revient && vivier.length < 20000) vivier.push(identite)
          const sansNaissance = !revient && r.suivant() < 0.1
          const age = Math.max(0, Number(date.slice(0, 4)) - Number(identite.dateNaissance.slice(0, 4)))
          personnes.push(
            sql`(${k}, ${id}, ${rang}, ${chiffrerIdentite(jeton, rang, identite)}, ${sansNaissance ? null : (clePseudonyme(identite) ?? null)}, ${age}, ${r.parmi(sexes)}, ${r.parmi(situations)}, ${
              r.suivant() < 0.95 ? r.parmi(communes) : null
            })`,
          )
        }
        if (prise) {
          const fin = cloture ?? ajouterJours(prise, 60)
          for (let k = r.entre(0, 5); k > 0; k--) {
            const jetonActe = `acte${(++idActe).toString(16).padStart(12, '0')}`
            actes.push(
              sql`(${idActe}, ${jetonActe}, ${id}, ${postes[posteIdx]!}, ${r.parmi(typesActe)}, ${ajouterJours(prise, r.entre(0, Math.max(0, Math.round((Date.parse(fin) - Date.parse(prise)) / 86_400_000))))}, ${chiffrerChamp('actes', jetonActe, 'texte', 'Compte rendu synthétique')}, ${auteur})`,
            )
          }
          for (let k = r.entre(0, 2); k > 0; k--) {
            const jetonO = `orie${(++idOrientation).toString(16).padStart(12, '0')}`
            orientations.push(
              sql`(${idOrientation}, ${jetonO}, ${id}, ${postes[posteIdx]!}, ${'Structure synthétique'}, ${r.parmi(typesPartenaires)}, ${r.parmi(statutsOrientation)}, ${'[]'}, ${ajouterJours(prise, r.entre(0, 30))}, ${auteur})`,
            )
          }
        }
      }
      await executer(
        sql`INSERT INTO "saisines" ("id", "jeton", "poste_id", "unite_id", "auteur_id", "mode", "nature", "origine", "date", "profil", "problematique", "accepte_contact", "statut", "historique", "connue_departement", "connue_caf", "prise_en_charge_le", "cloturee_le", "texte_libre") VALUES ${sql.join(saisines as never[], sql`, `)}`,
      )
      for (let k = 0; k < personnes.length; k += LOT)
        await executer(
          sql`INSERT INTO "saisines_personnes" ("_order", "_parent_id", "id", "identite", "cle_personne", "age", "sexe", "situation_familiale", "commune") VALUES ${sql.join(personnes.slice(k, k + LOT) as never[], sql`, `)}`,
        )
      for (let k = 0; k < actes.length; k += LOT)
        await executer(sql`INSERT INTO "actes" ("id", "jeton", "saisine_id", "poste_id", "type", "date", "texte", "auteur_id") VALUES ${sql.join(actes.slice(k, k + LOT) as never[], sql`, `)}`)
      for (let k = 0; k < orientations.length; k += LOT)
        await executer(
          sql`INSERT INTO "orientations" ("id", "jeton", "saisine_id", "poste_id", "nom_structure", "type_partenaire", "statut", "historique", "date", "auteur_id") VALUES ${sql.join(orientations.slice(k, k + LOT) as never[], sql`, `)}`,
        )
      if ((debut - 1) % 20000 === 0) log(`${type} : ${debut - 1} saisines insérées`)
    }
    await executer(sql`ANALYZE`)
    const insertion_s = Math.round((performance.now() - debutInsertion) / 100) / 10
    log(`${type} : ${N} saisines, ${idActe} actes, ${idOrientation} orientations insérés en ${insertion_s} s`)

    const mediane = async (periode: Parameters<typeof calculerIndicateurs>[1]['periode'], filtre: { poste?: number } = {}) => {
      await calculerIndicateurs(payload, { periode, ...filtre })
      const temps: number[] = []
      for (let i = 0; i < TOURS; i++) {
        const t = performance.now()
        await calculerIndicateurs(payload, { periode, ...filtre })
        temps.push(performance.now() - t)
      }
      temps.sort((a, b) => a - b)
      return Math.round(temps[Math.floor(temps.length / 2)]!)
    }
    const trimestre_ms = await mediane({ type: 'trimestre', annee: 2026, trimestre: 4 })
    // Le détail, requête par requête, pour savoir où va le temps (stderr).
    const { requetes: q, lire } = requetesAgregats(payload, { du: '2026-10-01', au: '2026-12-31' })
    const detail: string[] = []
    for (const [nom, requete] of Object.entries(q)) {
      const t = performance.now()
      await lire(requete)
      detail.push(`${nom} ${Math.round(performance.now() - t)} ms`)
    }
    log(`${type} : détail du trimestre, requêtes une à une : ${detail.join(', ')}`)
    const annee_ms = await mediane({ type: 'annee', annee: 2026 })
    const poste_ms = await mediane({ type: 'trimestre', annee: 2026, trimestre: 4 }, { poste: postes[0] })
    const controle = await calculerIndicateurs(payload, { periode: { type: 'trimestre', annee: 2026, trimestre: 4 } })
    if (controle.indicateurs.beneficiaires.saisines !== saisinesDuTrimestre)
      throw new Error(`Contrôle : ${controle.indicateurs.beneficiaires.saisines} saisines comptées au trimestre, ${saisinesDuTrimestre} insérées`)
    log(`${type} : 4e trimestre 2026 en ${trimestre_ms} ms (un poste : ${poste_ms} ms), année 2026 en ${annee_ms} ms (médianes de ${TOURS})`)

    const { rapportIndicateurs } = await import('../cms/indicateurs/rapport')
    const { rapportXlsx } = await import('../domaine/indicateurs/exports')
    const { rapportPdf } = await import('../domaine/indicateurs/pdf')
    const demande = { periode: { type: 'trimestre', annee: 2026, trimestre: 4 } as const }
    const medianeDe = async (f: () => Promise<unknown>) => {
      await f()
      const temps: number[] = []
      for (let i = 0; i < TOURS; i++) {
        const t = performance.now()
        await f()
        temps.push(performance.now() - t)
      }
      temps.sort((a, b) => a - b)
      return Math.round(temps[Math.floor(temps.length / 2)]!)
    }
    const xlsx_ms = await medianeDe(async () => rapportXlsx(await rapportIndicateurs(payload, demande, 'complete', 5)))
    const pdf_ms = await medianeDe(async () => rapportPdf(await rapportIndicateurs(payload, demande, 'complete', 5), { generation: new Date() }))
    log(`${type} : export XLSX du trimestre en ${xlsx_ms} ms, rapport PDF en ${pdf_ms} ms (rapport des trois périodes compris)`)
    return { base: type, trimestre_ms, annee_ms, poste_ms, insertion_s, saisines_du_trimestre: saisinesDuTrimestre, xlsx_ms, pdf_ms }
  } finally {
    await base.fermer()
  }
}

/** Lance ce même fichier pour une base, dans un processus neuf ; rend sa dernière ligne (JSON). */
function enfant(type: 'sqlite' | 'postgres'): Promise<Mesure> {
  return new Promise((ok, ko) => {
    const options = ['--saisines', String(N), '--tours', String(TOURS), '--base', type]
    const p = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...options], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    })
    let sortie = ''
    p.stdout.on('data', (d) => (sortie += d))
    p.on('error', ko)
    p.on('exit', (code) => {
      const derniere = sortie.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || !derniere.startsWith('{')) ko(new Error(`Banc ${type} : échec (code ${code})`))
      else ok(JSON.parse(derniere) as Mesure)
    })
  })
}

if (values.base === 'sqlite' || values.base === 'postgres') {
  const mesure = await mesurerUneBase(values.base)
  console.log(JSON.stringify(mesure))
  process.exit(0)
} else {
  const charge = os.loadavg()[0]!
  const sqlite = await enfant('sqlite')
  const postgres = await enfant('postgres')
  console.log(
    JSON.stringify({
      n_saisines: N,
      indicateurs_ms_postgres: postgres.trimestre_ms,
      indicateurs_ms_sqlite: sqlite.trimestre_ms,
      xlsx_ms: postgres.xlsx_ms,
      pdf_ms: postgres.pdf_ms,
      xlsx_ms_sqlite: sqlite.xlsx_ms,
      pdf_ms_sqlite: sqlite.pdf_ms,
      annee_ms_postgres: postgres.annee_ms,
      annee_ms_sqlite: sqlite.annee_ms,
      poste_ms_postgres: postgres.poste_ms,
      poste_ms_sqlite: sqlite.poste_ms,
      saisines_du_trimestre: sqlite.saisines_du_trimestre,
      insertion_s_postgres: postgres.insertion_s,
      insertion_s_sqlite: sqlite.insertion_s,
      charge_machine: { debut: Math.round(charge * 10) / 10, fin: Math.round(os.loadavg()[0]! * 10) / 10, coeurs: os.cpus().length },
    }),
  )
}
