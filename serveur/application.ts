import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AddressInfo } from 'node:net'

import next from 'next'
import type { Payload } from 'payload'

import { champsIdentifiantsParCollection } from '../cms/champsIdentifiants'
import { preparerPayload } from '../cms/base'
import { configuration } from '../socle/configuration'
import { armerPublication } from '../socle/publication/demande'
import { surveillerDemandes } from '../socle/publication/demandesExternes'
import { documentsDepuisCms } from '../cms/recherche/documents'
import { installerMoteur } from '../search/partage'
import { vocabulaireDuCms } from '../cms/recherche/vocabulaire'
import { creerMoteurRecherche } from '../search'
import { empreinteDuCode, ENTREES_PORTAIL } from '../socle/publication/empreinte'
import { constructeurAstro, PipelinePublication } from '../socle/publication/pipeline'
import { enregistrerEtatPublication, lireEtatPublication } from './etatPublication'
import { verificationsDuPortail } from './disponibilite'
import { evaluerDisponibilite } from '../socle/sante'
import { journalServeur } from '../socle/journal'
import { resumerBilan, seeder } from '../cms/seed'
import { purgerRecherchesSansResultat } from '../cms/collections/RecherchesSansResultat/comptage'
import { construireAdmin } from './construire'
import { repondreRechercheJson } from './rechercheJson'
import { creerReglesProxy } from './proxy'
import { creerServeur, dossierClient, type GestionnaireAstro } from './serveur'
import { jetonDuCookie } from '../cms/auth/cookie'
import { validerJeton } from '../cms/auth/sessions'
import { erreurEcoute } from './verificationsDemarrage'
import { appliquerConservation } from '../cms/saisines/retention'
import { rapportRetention } from '../domaine/saisines'

export type Portail = { url: string; payload: Payload; pipeline: PipelinePublication; arreter: () => Promise<void> }

// Une ligne JSON par événement (socle/journal.ts), comme les requêtes.
const journal = (message: string) => journalServeur.info(message)

/**
 * Démarre le portail complet : base à jour, contenu amorcé, admin construite si
 * son code a changé, portail publié, puis un seul serveur HTTP.
 */
export async function demarrerPortail(): Promise<Portail> {
  const config = configuration()
  const racine = config.racine
  // Next et les routes Astro chargent leur propre copie de la configuration, et
  // Next passe NODE_ENV à « production » : on leur transmet les valeurs déjà
  // résolues ici (secret de développement généré, racine), pour une seule vérité.
  process.env.PAYLOAD_SECRET = config.secret
  process.env.PASSERELLE_RACINE = racine
  process.env.PASSERELLE_DONNEES = config.dossierDonnees
  process.env.PASSERELLE_ENVIRONNEMENT = config.environnement

  const payload = await preparerPayload()
  journal(`Base ${config.base.type} prête (migrations appliquées).`)

  const bilan = await seeder(payload, { annuaire: config.annuaireDemo })
  journal(`Contenu amorcé — ${resumerBilan(bilan)}`)

  if (await construireAdmin(racine, { secret: config.secret })) journal('Admin construite.')

  const empreinte = empreinteDuCode(racine, ENTREES_PORTAIL)
  const pipeline = new PipelinePublication({
    dossier: path.join(config.dossierDonnees, 'publication'),
    delaiMs: config.publicationDelaiMs,
    // Le secret est transmis tel quel : Astro construit en mode production, où il est exigé.
    construire: constructeurAstro(racine, { ...process.env, PAYLOAD_SECRET: config.secret }),
    empreinte,
    surEtat: (etat) => enregistrerEtatPublication(payload, etat),
  })
  // Un arrêt brutal pendant une publication, ou avant qu'une modification soit publiée : refaite plus bas.
  const reprise = await pipeline.reprendre(await lireEtatPublication(payload))
  if (pipeline.empreinteCourante() !== empreinte) {
    journal('Publication du portail…')
    const etat = await pipeline.publier()
    if (etat.statut !== 'reussie') throw new Error(`Le portail n'a pas pu être construit.\n${etat.erreur ?? ''}`)
    journal(`Portail publié en ${Math.round((etat.dureeMs ?? 0) / 100) / 10} s.`)
  }
  const construction = pipeline.constructionCourante()
  if (!construction) throw new Error('Aucune publication du portail disponible.')
  // Le code des routes à la demande est chargé depuis cette construction : elle ne sera pas supprimée.
  pipeline.epingler(construction)
  if (reprise && pipeline.demandeEnAttente()) {
    journal(`Publication à refaire (${reprise}).`)
    pipeline.demander(reprise)
  }
  const { handler } = (await import(pathToFileURL(path.join(construction, 'server', 'entry.mjs')).href)) as {
    handler: GestionnaireAstro
  }

  const appNext = next({ dev: false, dir: path.join(racine, 'cms') })
  await appNext.prepare()
  const gestionnaireNext = appNext.getRequestHandler()

  // Recherche : moteur embarqué (ou Meilisearch si MEILI_URL), rempli depuis le CMS puis tenu à jour par les hooks.
  const moteur = creerMoteurRecherche({ vocabulaire: await vocabulaireDuCms(payload), meilisearch: config.meilisearch })
  const reindexer = async () => moteur.remplacerTout(await documentsDepuisCms(payload))
  await reindexer()
  installerMoteur(moteur)
  journal(`Annuaire indexé : ${(await moteur.statistiques()).documents} services.`)

  armerPublication((raison) => pipeline.demander(raison))
  const veilleur = surveillerDemandes(config.dossierDonnees, (raison) => {
    pipeline.demander(raison)
    // Un import fait hors du serveur change l'annuaire : l'index est reconstruit à côté puis échangé.
    reindexer().catch((e: Error) => console.error(`Réindexation impossible : ${e.name}`))
  })
  // « Recherches sans résultat » : conservées 90 jours après la dernière (au démarrage, puis chaque jour).
  const purger = () =>
    purgerRecherchesSansResultat(payload)
      .then((n) => n > 0 && journal(`Recherches sans résultat : ${n} entrée(s) de plus de 90 jours supprimée(s).`))
      .catch((e: Error) => console.error(`Purge des recherches sans résultat impossible : ${e.name}`))
  await purger()
  // Conservation des saisines (RETENTION_SAISINES_MOIS) : au démarrage, puis chaque jour ; le compte rendu ne nomme personne.
  const conserver = () =>
    appliquerConservation(payload, { mois: config.saisines.retentionMois })
      .then((r) => (r.saisines > 0 || r.brouillons > 0) && journal(rapportRetention(r)))
      .catch((e: Error) => console.error(`Conservation des saisines impossible : ${e.name}`))
  await conserver()
  // Les pages disent « mis à jour il y a 19 mois » : une publication par jour garde ces durées justes.
  const quotidienne = setInterval(() => {
    pipeline.demander('mise à jour quotidienne')
    void purger()
    void conserver()
  }, 24 * 60 * 60 * 1000)
  quotidienne.unref()

  const verifications = verificationsDuPortail({ payload, pipeline, smtpUrl: config.courriel?.smtpUrl })
  const serveur = creerServeur({
    dossierStatique: () => dossierClient(pipeline.constructionCourante()),
    next: (req, res) => gestionnaireNext(req, res),
    astro: handler,
    routes: { '/annuaire/recherche.json': repondreRechercheJson },
    https: config.urlPublique?.startsWith('https:') ?? false,
    proxy: creerReglesProxy(config.proxysDeConfiance, config.urlPublique),
    sessionExigee:
      config.portailAcces === 'connecte'
        ? async (req) => Boolean((await validerJeton(payload, jetonDuCookie(req.headers.cookie)))?.complete)
        : undefined,
    sante: () => evaluerDisponibilite(verifications, 2500),
    champsIdentifiants: champsIdentifiantsParCollection(payload),
  })
  // Le port a été essayé au début, mais un autre processus a pu le prendre depuis.
  await new Promise<void>((ok, ko) => {
    serveur.once('error', ko)
    serveur.listen(config.port, config.hote, () => {
      serveur.off('error', ko)
      ok()
    })
  }).catch((e: NodeJS.ErrnoException) => {
    throw erreurEcoute(e, config.port, config.hote)
  })
  const { port } = serveur.address() as AddressInfo
  const hote = config.hote === '0.0.0.0' || config.hote === '::' ? 'localhost' : config.hote
  const url = config.urlPublique ?? `http://${hote}:${port}`

  return {
    url,
    payload,
    pipeline,
    arreter: async () => {
      armerPublication(undefined)
      installerMoteur(undefined)
      veilleur.close()
      clearInterval(quotidienne)
      pipeline.arreter()
      await pipeline.attendre()
      await new Promise((ok) => serveur.close(() => ok(undefined)))
      await appNext.close?.()
    },
  }
}
