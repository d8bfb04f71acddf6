import { describe, expect, it } from 'vitest'

import { refusFormulaireIllisible } from '../../site/lib/formulaireLisible'
import { erreurParametresApi } from '../../socle/parametresApi'

/**
 * Les envois de travers que les pages et l'API de Payload ne savaient pas lire
 * (réponse 500, trouvée par tests/e2e/entrees-mauvaises.test.ts) sont refusés
 * avant elles, avec un message en français qui nomme ce qui ne va pas.
 */
const envoi = (corps: string, type?: string) =>
  new Request('http://portail.test/connexion', { method: 'POST', body: corps, headers: type ? { 'Content-Type': type } : {} })

describe('formulaire illisible', () => {
  it('laisse passer un formulaire urlencoded ou multipart bien formé, et tout ce qui n’est pas un POST', async () => {
    expect(await refusFormulaireIllisible(envoi('email=a%40b.fr&motDePasse=x', 'application/x-www-form-urlencoded'))).toBeUndefined()
    const fd = new FormData()
    fd.append('email', 'a@b.fr')
    expect(await refusFormulaireIllisible(new Request('http://portail.test/connexion', { method: 'POST', body: fd }))).toBeUndefined()
    expect(await refusFormulaireIllisible(new Request('http://portail.test/connexion'))).toBeUndefined()
  })

  it('la page relit le corps après la vérification', async () => {
    const requete = envoi('email=a%40b.fr', 'application/x-www-form-urlencoded; charset=UTF-8')
    expect(await refusFormulaireIllisible(requete)).toBeUndefined()
    expect((await requete.formData()).get('email')).toBe('a@b.fr')
  })

  it('refuse en 415 un corps JSON ou texte, en nommant l’en-tête Content-Type', async () => {
    for (const type of ['application/json', 'text/plain', undefined]) {
      const refus = await refusFormulaireIllisible(envoi('{"email":"a@b.fr"}', type))
      expect(refus?.status, String(type)).toBe(415)
      expect(await refus!.text()).toMatch(/^Envoi refusé : en-tête Content-Type : un formulaire est attendu/)
    }
  })

  it('refuse en 400 un multipart dont le séparateur manque ou ne correspond pas', async () => {
    for (const type of ['multipart/form-data', 'multipart/form-data; boundary=autre']) {
      const refus = await refusFormulaireIllisible(envoi('--limite\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.fr', type))
      expect(refus?.status, type).toBe(400)
      expect(await refus!.text()).toMatch(/^Formulaire illisible : .*Content-Type/)
    }
  })
})

describe('paramètres de l’API REST', () => {
  const erreur = (requete: string) => erreurParametresApi(new URLSearchParams(requete))

  it('laisse passer la pagination que l’admin envoie', () => {
    for (const ok of ['', 'limit=10&page=2&depth=0', 'where[nom][like]=ccas&sort=-updatedAt', 'limit=0'])
      expect(erreur(ok), ok).toBeUndefined()
  })

  it('nomme le paramètre de travers : décimal, répété, en crochets, démesuré', () => {
    expect(erreur('limit=1.5')).toMatch(/^Paramètre « limit » : un nombre entier positif est attendu/)
    expect(erreur('limit=a&limit=b')).toMatch(/« limit »/)
    expect(erreur('limit[a]=1')).toMatch(/« limit »/)
    expect(erreur('page=4.9e137')).toMatch(/« page »/)
    expect(erreur('depth=-1')).toMatch(/« depth »/)
    expect(erreur('where=abc')).toMatch(/^Paramètre « where » : /)
  })

  it('exige des identifiants numériques dans une condition sur id ou sur une relation', () => {
    const relations = new Set(['structure'])
    const erreurSur = (requete: string) => erreurParametresApi(new URLSearchParams(requete), relations)
    for (const ok of ['where[id][in]=1,2', 'where[structure][equals]=12', 'where[id][in][0]=3', 'where[structure][exists]=false', 'where[structure.nom][like]=ccas', 'where[or][0][id][equals]=4'])
      expect(erreurSur(ok), ok).toBeUndefined()
    expect(erreurSur('where[id][in]=abc')).toMatch(/^Condition « where\[id\]\[in\] » : des identifiants numériques sont attendus/)
    expect(erreurSur('where[id][in]=')).toMatch(/« where\[id\]\[in\] »/)
    expect(erreurSur('where[id][not_in]=1,')).toMatch(/« where\[id\]\[not_in\] »/)
    expect(erreurSur('where[structure][equals]=x')).toMatch(/« where\[structure\]\[equals\] »/)
    expect(erreurSur('where[or][0][structure.id][in]=%09')).toMatch(/identifiants numériques/)
    expect(erreurSur('where[id][near]=1')).toMatch(/« near » ne s’applique qu’à une position/)
  })
})
