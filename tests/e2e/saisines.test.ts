import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { demarrerServeurSmtp, type CourrielRecu, type ServeurSmtp } from '../outils/serveurSmtp'
import { demarrerPortailDeTest, type PortailDeTest } from './demarrerPortail'
import { lancerNavigateur, verifierAccessibilite } from './navigateur'
import { semer } from './journalSansDonnee'
import { creerCompteParInvitation, envoyerFormulaire, sessionOperateur } from './operateur'

/**
 * Les saisines de bout en bout, dans Chromium, sur un portail qui accepte le
 * dépôt en ligne (SAISINES_EN_LIGNE=oui) et envoie ses courriels à un vrai
 * serveur SMTP : l'agent dépose, l'intervenant du secteur est prévenu (courriel
 * sans donnée personnelle, compteur dans l'espace), prend en charge, enregistre
 * un acte et une orientation trouvée par la recherche de l'annuaire, puis le
 * retour « refus de l'aide » ; l'agent voit la prise en charge et le retour,
 * jamais le reste. Chaque page visitée passe axe. Le portail partagé (sans
 * SAISINES_EN_LIGNE) sert au cas « dépôt en ligne fermé ».
 */
let smtp: ServeurSmtp
let portail: PortailDeTest
let url: string
let navigateur: Browser
let agent: BrowserContext
let intervenant: BrowserContext
const cookies: { agent?: string; intervenant?: string; coordination?: string } = {}

const COMPTES = {
  agent: { email: 'agent.saisines@interieur.gouv.fr', motDePasse: 'phrase-de-passe-de-l-agent-saisines' },
  intervenant: { email: 'is.bresse.saisines@association.example', motDePasse: 'phrase-de-passe-de-l-intervenant-saisines' },
  coordination: { email: 'coordination.saisines@prefecture.example', motDePasse: 'phrase-de-passe-de-la-coordination-saisines' },
}
/** L'identité et les textes saisis : aucun ne doit sortir vers l'agent, le courriel ou l'URL. */
const PERSONNE = { nom: 'Quillebeuf', prenom: 'Zéphyrine', telephone: '06 12 34 56 78', dateNaissance: '1990-05-17' }
const TEXTE_LIBRE = 'Appel du voisinage, cris entendus dans la cage d’escalier.'
const TEXTE_ACTE = 'Entretien au commissariat, bilan de la situation.'
const COMMENTAIRE_ORIENTATION = 'Rendez-vous pris pour jeudi.'

const echapperRegex = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const option = (html: string, idSelect: string, libelle: string) =>
  html.match(new RegExp(`id="${idSelect}"[\\s\\S]*?<option value="(\\d+)"[^>]*>${echapperRegex(libelle)}<`))?.[1]

/** Le courriel de nouvelle saisine reçu par cette adresse (l'invitation l'a précédé). */
async function courrielDeSaisine(adresse: string): Promise<CourrielRecu> {
  const deSaisine = (r: CourrielRecu) => r.destinataires.includes(adresse) && r.texte.includes('/espace/saisines/')
  await expect.poll(() => smtp.recus.some(deSaisine), { timeout: 20_000 }).toBe(true)
  return smtp.recus.filter(deSaisine).at(-1)!
}

async function contexteConnecte(cookie: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const contexte = await navigateur.newContext({ locale: 'fr-FR', ...options })
  const [nom, valeur] = cookie.split('=') as [string, string]
  await contexte.addCookies([{ name: nom, value: valeur, url, httpOnly: true, sameSite: 'Lax' }])
  return contexte
}

const champ = (page: Page, id: string) => page.locator(`[id="${id}"]`)
/** Un bouton radio DSFR se coche par son libellé, qui le recouvre (comme le ferait la personne). */
const cocher = (page: Page, id: string) => page.locator(`label[for="${id}"]`).click()

beforeAll(async () => {
  smtp = await demarrerServeurSmtp()
  portail = await demarrerPortailDeTest({ env: { SMTP_URL: smtp.url, COURRIEL_EXPEDITEUR: 'ne-pas-repondre@passerelle.test', SAISINES_EN_LIGNE: 'oui' } })
  url = portail.url
  const operateur = await sessionOperateur(url, portail.dossier)
  const comptes = await (await fetch(`${url}/espace/comptes`, { headers: { Cookie: operateur } })).text()
  const site = option(comptes, 'invitation-site', 'Commissariat de Bourg-en-Bresse')
  const poste = option(comptes, 'invitation-poste', 'Intervenant social – secteur Bresse-Dombes')
  expect(site && poste, 'unité et poste amorcés').toBeTruthy()
  // Ce que ce parcours saisit ne doit jamais paraître dans le journal du serveur (vérifié à l'arrêt du portail).
  semer(portail.dossier, PERSONNE.nom, PERSONNE.prenom, PERSONNE.telephone, TEXTE_LIBRE, TEXTE_ACTE, COMMENTAIRE_ORIENTATION)
  cookies.agent = await creerCompteParInvitation(url, portail.dossier, operateur, COMPTES.agent, 'agent-fsi', { site }, smtp)
  cookies.intervenant = await creerCompteParInvitation(url, portail.dossier, operateur, COMPTES.intervenant, 'intervenant', { poste }, smtp)
  cookies.coordination = await creerCompteParInvitation(url, portail.dossier, operateur, COMPTES.coordination, 'coordination', {}, smtp)
  navigateur = await lancerNavigateur()
  agent = await contexteConnecte(cookies.agent)
  intervenant = await contexteConnecte(cookies.intervenant)
}, 900_000)
afterAll(async () => {
  await navigateur?.close()
  await portail?.arreter()
  await smtp?.fermer()
})

/** Rien de ce que l'intervenant sait ou fait ne doit atteindre l'agent. */
function sansContenuSocial(html: string, quoi: string) {
  for (const interdit of [PERSONNE.nom, PERSONNE.prenom, PERSONNE.telephone, 'cage d’escalier', 'cage d&#39;escalier', TEXTE_ACTE, COMMENTAIRE_ORIENTATION, 'Entretien', 'Orientée'])
    expect(html, `${quoi} : « ${interdit} »`).not.toContain(interdit)
}

describe('saisines de bout en bout', () => {
  let id = ''
  let nomStructure = ''

  it('l’agent dépose une saisine (commune choisie dans la liste) ; la page de la saisine ne montre que sa réception', async () => {
    const page = await agent.newPage()
    await page.goto(`${url}/espace`)
    await page.getByRole('link', { name: 'Saisines', exact: true }).click()
    await page.waitForURL((u) => u.pathname === '/espace/saisines')
    await verifierAccessibilite(page)
    await page.getByRole('link', { name: 'Nouvelle saisine' }).click()
    await page.waitForURL((u) => u.pathname === '/espace/saisines/nouvelle')
    await verifierAccessibilite(page)
    expect(await page.locator('#unite').innerText()).toContain('Commissariat de Bourg-en-Bresse')

    await champ(page, 'personnes.0.nom').fill(PERSONNE.nom)
    await champ(page, 'personnes.0.prenom').fill(PERSONNE.prenom)
    await champ(page, 'personnes.0.dateNaissance').fill(PERSONNE.dateNaissance)
    await cocher(page, 'personnes.0.sexe')
    await champ(page, 'personnes.0.situationFamiliale').selectOption('separe')
    // La commune vient de la liste d'autocomplétion (<datalist>) : la valeur tapée est l'une de ses options.
    expect(await page.locator('#communes-ain option[value="Bourg-en-Bresse"]').count()).toBe(1)
    expect(await champ(page, 'personnes.0.commune').getAttribute('list')).toBe('communes-ain')
    await champ(page, 'personnes.0.commune').fill('Bourg-en-Bresse')
    await champ(page, 'personnes.0.telephone').fill(PERSONNE.telephone)
    await cocher(page, 'profil')
    await page.locator('#problematique').selectOption('violences-conjugales')
    await cocher(page, 'accepteContact')
    await page.locator('#texteLibre').fill(TEXTE_LIBRE)
    await page.getByRole('button', { name: 'Déposer la saisine' }).click()
    await page.waitForURL((u) => /^\/espace\/saisines\/\d+$/.test(u.pathname) && u.searchParams.get('fait') === 'deposee')
    id = new URL(page.url()).pathname.split('/').pop()!
    // Rien de personnel dans l'adresse : l'identifiant technique seulement.
    expect(page.url()).not.toMatch(/Quillebeuf|Z%C3%A9phyrine|Zéphyrine|06%2012|06\+12|Bourg/)
    await verifierAccessibilite(page)
    const html = await page.content()
    expect(await page.locator('main').innerText()).toMatch(/Reçue/i)
    sansContenuSocial(html, 'vue de l’agent après dépôt')
    await page.close()
  })

  it('l’intervenant du secteur reçoit un courriel sans donnée personnelle et voit la saisine qui l’attend dans son espace', async () => {
    const recu = await courrielDeSaisine(COMPTES.intervenant.email)
    expect(recu.texte).toContain(`/espace/saisines/${id}`)
    for (const interdit of [PERSONNE.nom, PERSONNE.prenom, PERSONNE.telephone, '0612345678', 'voisinage', 'Bourg-en-Bresse', 'violences'])
      expect(recu.texte, `courriel : « ${interdit} »`).not.toContain(interdit)

    const page = await intervenant.newPage()
    await page.goto(`${url}/espace`)
    expect(await page.locator('main').innerText()).toContain('1 saisine reçue vous attend')
    await verifierAccessibilite(page)
    await page.getByRole('link', { name: 'Voir les saisines reçues' }).click()
    await page.waitForURL((u) => u.pathname === '/espace/saisines')
    await verifierAccessibilite(page)
    expect(await page.locator('table').innerText()).toContain(`${PERSONNE.prenom} ${PERSONNE.nom}`)
    await page.locator(`a[href="/espace/saisines/${id}"]`).click()
    await page.waitForURL((u) => u.pathname === `/espace/saisines/${id}`)
    await verifierAccessibilite(page)
    const texte = await page.locator('main').innerText()
    expect(texte).toContain(`${PERSONNE.prenom} ${PERSONNE.nom}`)
    expect(texte).toContain(TEXTE_LIBRE)
    expect(texte).toContain('Bourg-en-Bresse')
    await page.close()
  })

  it('l’intervenant prend en charge, enregistre un acte et une orientation trouvée dans l’annuaire', async () => {
    const page = await intervenant.newPage()
    await page.goto(`${url}/espace/saisines/${id}`)
    await page.getByRole('button', { name: 'Passer à « Prise en charge »' }).click()
    await page.waitForURL((u) => u.searchParams.get('fait') === 'statut')
    expect(await page.locator('main').innerText()).toMatch(/Statut changé/)

    // Un acte sans type : la page revient avec le statut de l'erreur, le message du champ, le texte gardé.
    await page.locator('#acte-texte').fill(TEXTE_ACTE)
    const refus = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.getByRole('button', { name: 'Enregistrer l’acte' }).click()
    expect((await refus).status()).toBe(400)
    await page.waitForLoadState()
    expect(await page.locator('#acte-type-erreur').innerText()).toMatch(/^Type d’acte : /)
    expect(await page.locator('a[href="#acte-type"]').count()).toBe(1)
    expect(await page.locator('#acte-texte').inputValue()).toBe(TEXTE_ACTE)
    await verifierAccessibilite(page)
    await page.locator('#acte-type').selectOption('entretien')
    await page.getByRole('button', { name: 'Enregistrer l’acte' }).click()
    await page.waitForURL((u) => u.searchParams.get('fait') === 'acte')
    expect(await page.locator('#acte ~ .fr-table').first().innerText()).toContain(TEXTE_ACTE)
    expect(await page.locator('main').innerText()).toMatch(/nombre d’actes : 1/)

    await page.locator('#orientation-q').fill('violences conjugales')
    await page.getByRole('button', { name: 'Rechercher dans l’annuaire' }).click()
    await page.waitForURL((u) => u.searchParams.get('q') === 'violences conjugales')
    // Seule la requête est dans l'adresse, jamais la personne ni sa commune.
    expect(page.url()).not.toMatch(/commune|Quillebeuf|01053/)
    await verifierAccessibilite(page)
    expect(await page.locator('#orientation-q-aide').innerText()).toContain('Bourg-en-Bresse')
    const premier = page.getByRole('button', { name: /^Orienter vers cette structure/ }).first()
    nomStructure = (await premier.innerText()).split(',').pop()!.trim()
    expect(nomStructure.length).toBeGreaterThan(0)
    await page.locator('#orientation-commentaire').fill(COMMENTAIRE_ORIENTATION)
    await premier.click()
    await page.waitForURL((u) => u.searchParams.get('fait') === 'orientation')
    const orientations = await page.locator('#orientations ~ .fr-table').first().innerText()
    expect(orientations).toContain(nomStructure)
    expect(orientations).toContain('Proposée')
    await page.getByRole('button', { name: /^Acceptée/ }).click()
    await page.waitForURL((u) => u.searchParams.get('fait') === 'orientation-statut')
    expect(await page.locator('#orientations ~ .fr-table').first().innerText()).toContain('Acceptée')
    await verifierAccessibilite(page)
    await page.close()
  })

  it('l’agent voit « Prise en charge », puis le retour « refus de l’aide » que l’intervenant enregistre, et rien d’autre', async () => {
    const page = await agent.newPage()
    await page.goto(`${url}/espace/saisines/${id}`)
    expect(await page.locator('main').innerText()).toMatch(/Prise en charge le/)
    sansContenuSocial(await page.content(), 'vue de l’agent après prise en charge')

    const pageIs = await intervenant.newPage()
    await pageIs.goto(`${url}/espace/saisines/${id}#retour`)
    await cocher(pageIs, 'retour-type-1')
    await pageIs.getByRole('button', { name: 'Enregistrer le retour à l’unité' }).click()
    await pageIs.waitForURL((u) => u.searchParams.get('fait') === 'retour')
    await pageIs.close()

    await page.reload()
    await verifierAccessibilite(page)
    const texte = await page.locator('main').innerText()
    expect(texte).toContain('La personne a refusé l’aide de l’intervenant social.')
    expect(texte).toContain('Prise en charge')
    const html = await page.content()
    sansContenuSocial(html, 'vue de l’agent après le retour')
    expect(html).not.toContain(nomStructure)
    await page.goto(`${url}/espace/saisines`)
    await verifierAccessibilite(page)
    expect(await page.locator('table').innerText()).toContain('La personne a refusé l’aide')
    sansContenuSocial(await page.content(), 'liste de l’agent')
    // L'agent n'agit sur rien, même en forgeant l'envoi.
    const csrf = (await page.content()).match(/name="csrf" value="([^"]*)"/)?.[1] ?? ''
    expect((await envoyerFormulaire(url, `/espace/saisines/${id}`, { csrf, action: 'statut', vers: 'contactee' }, cookies.agent)).status).toBe(403)
    await page.close()
  })

  it('l’intervenant enregistre un signalement judiciaire ; la coordination le voit, sans identité ni lien vers la saisine', async () => {
    const page = await intervenant.newPage()
    await page.goto(`${url}/espace/saisines/${id}#signalement`)
    await page.locator('#signalement-article').selectOption('223-6')
    await page.locator('#signalement-texte').fill('Signalement au parquet : voisine entendue au commissariat.')
    await page.getByRole('button', { name: 'Enregistrer le signalement' }).click()
    await page.waitForURL((u) => u.searchParams.get('fait') === 'signalement')
    expect(await page.locator('#signalement ~ .fr-table').first().innerText()).toContain('Procureur de la République')
    await verifierAccessibilite(page)
    await page.close()

    const coordination = await contexteConnecte(cookies.coordination!)
    const liste = await coordination.newPage()
    await liste.goto(`${url}/espace/saisines`)
    await verifierAccessibilite(liste)
    const tableau = await liste.locator('table').innerText()
    expect(tableau).toContain('Article 223-6')
    expect(tableau).toContain('Intervenant social – secteur Bresse-Dombes')
    expect(tableau).toContain(`n° ${id}`)
    const html = await liste.content()
    expect(html).not.toContain(`href="/espace/saisines/${id}"`)
    sansContenuSocial(html, 'liste de la coordination')
    expect(html).not.toContain('voisine entendue')
    // La saisine elle-même lui reste introuvable.
    expect((await liste.goto(`${url}/espace/saisines/${id}`))?.status()).toBe(404)
    await coordination.close()
  })

  it('une saisine d’un autre secteur ou inexistante : la même page 404', async () => {
    const lire = async (chemin: string, cookie?: string) => {
      const r = await fetch(`${url}${chemin}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} })
      return { statut: r.status, corps: await r.text(), cache: r.headers.get('cache-control') }
    }
    const inexistante = await lire('/espace/saisines/999999', cookies.intervenant)
    expect(inexistante.statut).toBe(404)
    expect(inexistante.corps).toContain('Cette saisine n’existe pas ou ne vous est pas accessible.')
    const sansSession = await lire(`/espace/saisines/${id}`)
    expect(sansSession.statut).toBe(303)
    const vue = await lire(`/espace/saisines/${id}`, cookies.intervenant)
    expect(vue.cache).toContain('no-store')
  })

  it('le même formulaire envoyé deux fois (réponse perdue, retour arrière) : une seule saisine, le second envoi gardé en brouillon', async () => {
    const formulaire = await (await fetch(`${url}/espace/saisines/nouvelle`, { headers: { Cookie: cookies.agent! } })).text()
    const cache = (nom: string) => formulaire.match(new RegExp(`name="${nom}" value="([^"]*)"`))?.[1] ?? ''
    expect(cache('cleDepot')).toMatch(/^[0-9a-f]{32}$/)
    const champs = {
      csrf: cache('csrf'),
      cleDepot: cache('cleDepot'),
      action: 'deposer',
      date: new Date().toISOString().slice(0, 10),
      urgence: 'non',
      'personnes.0.nom': 'Renvoyé',
      'personnes.0.prenom': 'Deuxfois',
      'personnes.0.age': '40',
      'personnes.0.sexe': 'homme',
      'personnes.0.situationFamiliale': 'celibataire',
      'personnes.0.commune': 'Bourg-en-Bresse',
      profil: 'victime',
      problematique: 'violences-conjugales',
      accepteContact: 'oui',
    }
    const premier = await envoyerFormulaire(url, '/espace/saisines/nouvelle', champs, cookies.agent)
    const second = await envoyerFormulaire(url, '/espace/saisines/nouvelle', champs, cookies.agent)
    expect([premier.status, second.status]).toEqual([303, 303])
    expect(premier.headers.get('location')).toMatch(/^\/espace\/saisines\/\d+\?fait=deposee$/)
    expect(second.headers.get('location')).toBe(premier.headers.get('location')!.replace('fait=deposee', 'fait=deja-deposee'))
    const pageSaisine = await (await fetch(`${url}${second.headers.get('location')}`, { headers: { Cookie: cookies.agent! } })).text()
    expect(pageSaisine).toContain('Ce formulaire avait déjà été déposé')
    // Un retour arrière suivi d'une autre saisie ne perd rien : le second envoi attend en brouillon, avec une clé neuve.
    const suivante = await (await fetch(`${url}/espace/saisines/nouvelle`, { headers: { Cookie: cookies.agent! } })).text()
    expect(suivante).toContain('Votre brouillon a été repris')
    expect(suivante).toContain('value="Renvoyé"')
    expect(suivante.match(/name="cleDepot" value="([^"]*)"/)?.[1]).toMatch(/^[0-9a-f]{32}$/)
    expect(suivante.match(/name="cleDepot" value="([^"]*)"/)?.[1]).not.toBe(champs.cleDepot)
    // Le brouillon repris se dépose comme une nouvelle saisine, puis disparaît.
    const { csrf: _csrf, cleDepot: _cle, ...saisie } = champs
    const troisieme = await envoyerFormulaire(
      url,
      '/espace/saisines/nouvelle',
      { ...saisie, csrf: suivante.match(/name="csrf" value="([^"]*)"/)?.[1] ?? '', cleDepot: suivante.match(/name="cleDepot" value="([^"]*)"/)?.[1] ?? '' },
      cookies.agent,
    )
    expect(troisieme.headers.get('location')).toMatch(/\?fait=deposee$/)
    expect(troisieme.headers.get('location')).not.toBe(premier.headers.get('location'))
    const apres = await (await fetch(`${url}/espace/saisines/nouvelle`, { headers: { Cookie: cookies.agent! } })).text()
    expect(apres).not.toContain('Votre brouillon a été repris')
  })

  it('formulaire invalide sans JavaScript : un message par champ qui le nomme, rien de perdu, brouillon repris', async () => {
    const contexte = await contexteConnecte(cookies.agent!, { javaScriptEnabled: false })
    const page = await contexte.newPage()
    await page.goto(`${url}/espace/saisines/nouvelle`)
    await champ(page, 'personnes.0.nom').fill('Brouillonnet')
    await champ(page, 'personnes.0.commune').fill('Paris')
    await page.locator('#texteLibre').fill('Texte gardé malgré l’erreur.')
    await page.getByRole('button', { name: 'Ajouter une personne' }).click()
    await page.waitForURL((u) => u.pathname === '/espace/saisines/nouvelle')
    expect(await page.locator('#personne-2').count()).toBe(1)
    expect(await champ(page, 'personnes.0.nom').inputValue()).toBe('Brouillonnet')
    // Entrée dans un champ dépose (le premier bouton du formulaire), elle n'ajoute pas une personne.
    const reponse = page.waitForResponse((r) => r.request().method() === 'POST')
    await champ(page, 'personnes.0.nom').press('Enter')
    expect((await reponse).status()).toBe(400)
    expect(await page.locator('#personne-3').count()).toBe(0)
    const resume = await page.getByRole('alert').filter({ hasText: 'La saisine n’a pas été déposée' }).innerText()
    expect(resume).toMatch(/Prénom : /)
    expect(resume).toMatch(/Commune de résidence : « Paris » n’est pas une commune de l’Ain/)
    expect(await page.locator('[id="personnes.0.prenom-erreur"]').innerText()).toMatch(/^Prénom : /)
    expect(await page.locator('[id="profil-erreur"]').innerText()).toMatch(/^Profil : /)
    expect(await page.locator('a[href="#personnes.0.prenom"]').count()).toBe(1)
    expect(await champ(page, 'personnes.0.nom').inputValue()).toBe('Brouillonnet')
    expect(await champ(page, 'personnes.0.commune').inputValue()).toBe('Paris')
    expect(await page.locator('#texteLibre').inputValue()).toBe('Texte gardé malgré l’erreur.')
    // La personne ajoutée mais laissée vide ne compte pas : elle reste affichée, sans erreur.
    expect(await page.locator('[id="personnes.1.nom-erreur"]').count()).toBe(0)
    // Rouvrir la page reprend le brouillon gardé côté serveur.
    await page.goto(`${url}/espace/saisines/nouvelle`)
    expect(await champ(page, 'personnes.0.nom').inputValue()).toBe('Brouillonnet')
    expect(await page.locator('main').innerText()).toContain('Votre brouillon a été repris')
    await contexte.close()

    // Le même formulaire en erreur passe axe (axe a besoin de JavaScript pour s'exécuter).
    const avecJs = await agent.newPage()
    await avecJs.goto(`${url}/espace/saisines/nouvelle`)
    await avecJs.getByRole('button', { name: 'Déposer la saisine' }).click()
    await avecJs.waitForLoadState()
    expect(await avecJs.getByRole('alert').first().innerText()).toMatch(/Prénom : /)
    await verifierAccessibilite(avecJs)
    await avecJs.close()
  })

  it('session expirée au moment de l’envoi : la saisie est gardée (cookie, jamais l’URL) et rendue après la connexion', async () => {
    const saisie = { action: 'deposer', 'personnes.0.nom': 'Attentiste', texteLibre: 'Saisie tapée avant l’expiration.' }
    // Sans aucun cookie de session, rien à sauver : un envoi anonyme n'écrit rien en base.
    const anonyme = await envoyerFormulaire(url, '/espace/saisines/nouvelle', saisie)
    expect(anonyme.status).toBe(303)
    expect(anonyme.headers.getSetCookie().some((c) => c.startsWith('passerelle-saisie-en-attente='))).toBe(false)
    // Avec le cookie d'une session expirée (jeton qui ne vaut plus rien) : la saisie est gardée.
    const envoi = await envoyerFormulaire(url, '/espace/saisines/nouvelle', saisie, 'passerelle-session=jeton-d-une-session-expiree')
    expect(envoi.status).toBe(303)
    expect(envoi.headers.get('location')).toBe('/connexion?retour=%2Fespace%2Fsaisines%2Fnouvelle')
    const cookie = envoi.headers.getSetCookie().find((c) => c.startsWith('passerelle-saisie-en-attente='))
    expect(cookie).toBeTruthy()
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Path=\/espace\/saisines/)
    expect(envoi.headers.get('location')).not.toContain('Attentiste')
    const jeton = cookie!.split(';')[0]!
    const retour = await fetch(`${url}/espace/saisines/nouvelle`, { headers: { Cookie: `${cookies.agent}; ${jeton}` } })
    const html = await retour.text()
    expect(html).toContain('Votre saisie a été conservée')
    expect(html).toContain('value="Attentiste"')
    expect(retour.headers.getSetCookie().some((c) => c.startsWith('passerelle-saisie-en-attente=;') || /passerelle-saisie-en-attente=[^;]*;.*Max-Age=0/i.test(c) || /Expires=Thu, 01 Jan 1970/i.test(c))).toBe(true)
    // Le jeton ne sert qu'une fois.
    const encore = await (await fetch(`${url}/espace/saisines/nouvelle`, { headers: { Cookie: `${cookies.intervenant}; ${jeton}` } })).text()
    expect(encore).not.toContain('Attentiste')
  })
})

describe('synthèse hebdomadaire du GGD 01, sans JavaScript', () => {
  const SYNTHESE = [
    'Date des faits;Unité;Commune;Nom;Prénom;Né(e) le;Sexe;Profil;Nature de l’intervention;Résumé',
    '01/12/2026;Commissariat de Bourg-en-Bresse;Bourg-en-Bresse;Trievalière;Aurélienne;14/02/1979;F;Victime;Violences conjugales;Dispute signalée',
    '01/12/2026;Commissariat de Bourg-en-Bresse;Lyon;Rejetonnet;Bastien;03/03/1983;H;Mis en cause;Violences conjugales;',
    '',
  ].join('\r\n')

  it('l’intervenant envoie le fichier, lit le rapport (créée, rejet nommé), puis le renvoie sans rien recréer ; la saisine attend d’être triée', async () => {
    const page = await intervenant.newPage()
    await page.goto(`${url}/espace/saisines`)
    await page.getByRole('link', { name: 'Importer la synthèse du GGD 01' }).click()
    await page.waitForURL((u) => u.pathname === '/espace/saisines/synthese-ggd')
    await verifierAccessibilite(page)
    const envoyer = async () => {
      await page.locator('#fichier').setInputFiles({ name: 'synthese-semaine-49.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${SYNTHESE}`, 'utf8') })
      await page.getByRole('button', { name: 'Importer la synthèse' }).click()
      await page.getByRole('heading', { name: 'Rapport d’import' }).waitFor()
    }
    await envoyer()
    const rapport = await page.locator('main').innerText()
    expect(rapport).toContain('1 saisine à trier créée (ligne 2)')
    expect(rapport).toContain('0 ligne déjà importée')
    expect(rapport).toContain('1 ligne rejetée')
    expect(await page.getByRole('table', { name: /Lignes rejetées/ }).innerText()).toMatch(/3\s+Commune\s+« Lyon » : ni un code INSEE ni un nom de commune de l’Ain/)
    // Le rapport ne cite aucun nom.
    expect(rapport).not.toContain('Trievalière')
    expect(rapport).not.toContain('Rejetonnet')
    await verifierAccessibilite(page)

    await envoyer()
    const second = await page.locator('main').innerText()
    expect(second).toContain('0 saisine à trier créée')
    expect(second).toContain('1 ligne déjà importée (2)')
    await verifierAccessibilite(page)

    await page.goto(`${url}/espace/saisines?statut=a-trier`)
    await verifierAccessibilite(page)
    const ligne = page.getByRole('row').filter({ hasText: 'Aurélienne Trievalière' })
    await expect.poll(() => ligne.count()).toBe(1)
    expect(await ligne.innerText()).toContain('À trier')
    await ligne.getByRole('link').click()
    await page.getByRole('heading', { name: 'Saisine à trier' }).waitFor()
    await verifierAccessibilite(page)
    await page.getByRole('button', { name: 'Passer à « Reçue »' }).click()
    await page.waitForURL((u) => u.searchParams.get('fait') === 'statut')
    expect(await page.locator('main').innerText()).not.toContain('Saisine à trier')
    await page.close()
  })

  it('l’agent ne l’atteint pas (403), même en envoyant un fichier', async () => {
    const page = await (await fetch(`${url}/espace/saisines/synthese-ggd`, { headers: { Cookie: cookies.agent! } })).text()
    expect(page).toContain('Accès refusé')
    const donnees = new FormData()
    donnees.set('fichier', new Blob([SYNTHESE], { type: 'text/csv' }), 'synthese.csv')
    const envoi = await fetch(`${url}/espace/saisines/synthese-ggd`, { method: 'POST', body: donnees, headers: { Cookie: cookies.agent!, Origin: url } })
    expect(envoi.status).toBe(403)
    expect(await envoi.text()).not.toContain('Rapport d’import')
  })
})

describe('dépôt en ligne fermé (SAISINES_EN_LIGNE absent, portail partagé)', () => {
  it('l’agent est renvoyé à la messagerie institutionnelle : aucun formulaire, 403 à l’envoi', async () => {
    const base = inject('urlPortail')
    const dossier = inject('dossierDonnees')
    const operateur = await sessionOperateur(base, dossier)
    const comptes = await (await fetch(`${base}/espace/comptes`, { headers: { Cookie: operateur } })).text()
    const site = option(comptes, 'invitation-site', 'Commissariat de Bourg-en-Bresse')
    const cookie = await creerCompteParInvitation(base, dossier, operateur, { email: 'agent.saisines.fermees@interieur.gouv.fr', motDePasse: 'phrase-de-passe-saisines-fermees' }, 'agent-fsi', { site })
    const liste = await fetch(`${base}/espace/saisines`, { headers: { Cookie: cookie } })
    expect(liste.status).toBe(200)
    const htmlListe = await liste.text()
    expect(htmlListe).toContain('messagerie institutionnelle officielle uniquement')
    expect(htmlListe).toContain('href="/qui-contacter"')
    expect(htmlListe).not.toContain('href="/espace/saisines/nouvelle"')
    const nouvelle = await fetch(`${base}/espace/saisines/nouvelle`, { headers: { Cookie: cookie } })
    expect(nouvelle.status).toBe(403)
    const html = await nouvelle.text()
    expect(html).toContain('messagerie institutionnelle')
    expect(html).not.toMatch(/<form[^>]*action="\/espace\/saisines\/nouvelle"/)
    const csrf = html.match(/name="csrf" value="([^"]*)"/)?.[1] ?? ''
    const envoi = await envoyerFormulaire(base, '/espace/saisines/nouvelle', { csrf, action: 'deposer', 'personnes.0.nom': 'Refusé' }, cookie)
    expect(envoi.status).toBe(403)
  })
})
