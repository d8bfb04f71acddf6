/**
 * Banc d'essai de l'espace connecté :
 *
 *   npm run bench:connexion -- [--connexions 20] [--duree 15] [--tours 20]
 *
 * Démarre un portail de test (base SQLite jetable), crée l'opérateur comme une
 * personne (installation, connexion, second facteur), invite un agent FSI et
 * accepte l'invitation, puis mesure :
 * - l'aller-retour de connexion de l'agent (POST /connexion → 303, puis GET
 *   /espace avec le cookie reçu → 200), `tours` fois de suite ;
 * - une page authentifiée (/espace : session lue et prolongée en base, page
 *   rendue à la demande) sous N clients simultanés pendant D secondes, avec
 *   autocannon sur la boucle locale ; chaque temps de réponse est gardé, d'où
 *   un p95 exact.
 * Dernière ligne de stdout, en JSON :
 *   {"connexion_ms":{"p50","p95","max"},"page_authentifiee":{"connexions","duree_s","requetes","erreurs","rps","p50_ms","p95_ms","p99_ms"},"charge_machine"}
 */
import os from 'node:os'
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'

import { demarrerPortailDeTest } from '../tests/e2e/demarrerPortail'
import { cookieDeSession, envoyerFormulaire, sessionOperateur } from '../tests/e2e/operateur'

const { values } = parseArgs({
  options: { connexions: { type: 'string', default: '20' }, duree: { type: 'string', default: '15' }, tours: { type: 'string', default: '20' } },
})
const log = (m: string) => process.stderr.write(`${m}\n`)
const centile = (valeurs: number[], p: number) => {
  const triees = [...valeurs].sort((a, b) => a - b)
  return Math.round(triees[Math.min(triees.length - 1, Math.ceil((p / 100) * triees.length) - 1)]! * 10) / 10
}

const chargeAuDebut = os.loadavg()[0]!
const portail = await demarrerPortailDeTest()
const url = portail.url
log(`Portail prêt : ${url}`)
try {
  const operateur = await sessionOperateur(url, portail.dossier)
  const pageComptes = await (await fetch(`${url}/espace/comptes`, { headers: { Cookie: operateur } })).text()
  const csrf = pageComptes.match(/name="csrf" value="([^"]*)"/)?.[1] ?? ''
  const site = pageComptes.match(/<select[^>]*id="invitation-site"[\s\S]*?<option value="(\d+)"/)?.[1] ?? ''
  const agent = { email: 'agent.banc@interieur.gouv.fr', motDePasse: 'phrase-de-passe-du-banc' }
  const invitation = await (
    await envoyerFormulaire(url, '/espace/comptes', { csrf, action: 'inviter', email: agent.email, role: 'agent-fsi', site, poste: '' }, operateur)
  ).text()
  const lien = invitation.match(/\/invitation\/[a-z2-7]{32}/)?.[0]
  if (!lien) throw new Error('Invitation de l’agent impossible')
  const acceptation = await envoyerFormulaire(url, lien, { motDePasse: agent.motDePasse, confirmation: agent.motDePasse })
  if (acceptation.status !== 303) throw new Error(`Acceptation de l'invitation impossible (HTTP ${acceptation.status})`)

  const durees: number[] = []
  let cookie = ''
  for (let i = 0; i < Number(values.tours); i++) {
    const debut = performance.now()
    const connexion = await envoyerFormulaire(url, '/connexion', { email: agent.email, motDePasse: agent.motDePasse })
    cookie = cookieDeSession(connexion) ?? ''
    const espace = await fetch(`${url}/espace`, { headers: { Cookie: cookie } })
    await espace.text()
    if (connexion.status !== 303 || espace.status !== 200) throw new Error(`Connexion de l'agent : HTTP ${connexion.status} puis ${espace.status}`)
    durees.push(performance.now() - debut)
  }
  log(`Connexion : p50 ${centile(durees, 50)} ms, p95 ${centile(durees, 95)} ms`)

  const temps: number[] = []
  const resultat = await new Promise<autocannon.Result>((ok, ko) => {
    const instance = autocannon(
      { url: `${url}/espace`, connections: Number(values.connexions), duration: Number(values.duree), headers: { cookie } },
      (erreur, r) => (erreur ? ko(erreur) : ok(r)),
    )
    instance.on('response', (_client, _statut, _octets, tempsMs) => temps.push(tempsMs))
  })
  console.log(
    JSON.stringify({
      connexion_ms: { p50: centile(durees, 50), p95: centile(durees, 95), max: centile(durees, 100) },
      page_authentifiee: {
        chemin: '/espace',
        connexions: Number(values.connexions),
        duree_s: Number(values.duree),
        requetes: resultat.requests.total,
        erreurs: resultat.errors + resultat.non2xx,
        rps: Math.round(resultat.requests.average),
        p50_ms: centile(temps, 50),
        p95_ms: centile(temps, 95),
        p99_ms: centile(temps, 99),
      },
      charge_machine: { debut: Math.round(chargeAuDebut * 10) / 10, fin: Math.round(os.loadavg()[0]! * 10) / 10, coeurs: os.cpus().length },
    }),
  )
} finally {
  await portail.arreter()
}
process.exit(0)
