import ICAL from 'ical.js'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lancerNavigateur, ouvrirPage } from './navigateur'

/** Permanences publiées : prochaine date en mots sur la page du lieu, flux ICS lisibles par un vrai analyseur. */
const url = inject('urlPortail')
let navigateur: Browser
beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => navigateur?.close())

const lireIcs = async (chemin: string) => {
  const reponse = await fetch(url + chemin)
  expect(reponse.status).toBe(200)
  expect(reponse.headers.get('content-type')).toContain('text/calendar')
  const texte = await reponse.text()
  const vcal = new ICAL.Component(ICAL.parse(texte))
  return { texte, evenements: vcal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) }
}

describe('permanences sur le portail', () => {
  it('la page du CH Fleyriat dit la prochaine permanence, un mardi de 14 h à 17 h', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/sites/ch-fleyriat`)
    expect(await page.locator('main').innerText()).toMatch(/Prochaine permanence : mardi \d{1,2}(er)? \p{L}+, 14 h – 17 h/u)
    await page.context().close()
  })

  it('« à préciser » reste un état visible', async () => {
    const page = await ouvrirPage(navigateur)
    await page.goto(`${url}/sites/caf-de-l-ain`)
    expect(await page.locator('main').innerText()).toContain('Prochaine permanence : à préciser')
    await page.context().close()
  })

  it('le flux ICS du département se lit dans un vrai analyseur iCalendar, à l’heure de Paris', async () => {
    const { evenements, texte } = await lireIcs('/permanences/calendrier.ics')
    expect(evenements.length).toBeGreaterThan(100)
    const fleyriat = evenements.filter((e) => e.location?.includes('Fleyriat'))
    expect(fleyriat.length).toBeGreaterThan(40)
    for (const e of fleyriat.slice(0, 10)) {
      expect(e.startDate.dayOfWeek()).toBe(ICAL.Time.TUESDAY)
      expect(e.startDate.hour).toBe(14)
      expect(e.startDate.zone?.tzid).toBe('Europe/Paris')
    }
    expect(texte).not.toMatch(/ORGANIZER|ATTENDEE/)
  })

  it('un flux par lieu et par poste, chacun limité à son lieu ou son poste', async () => {
    const lieu = await lireIcs('/permanences/lieu/france-services-cotiere-montluel.ics')
    expect(lieu.evenements.length).toBeGreaterThan(20)
    expect(lieu.evenements.every((e) => e.location.includes('Montluel'))).toBe(true)
    // Trois jeudis par mois, jamais un quatrième.
    expect(lieu.evenements.every((e) => e.startDate.dayOfWeek() === ICAL.Time.THURSDAY && e.startDate.day <= 21)).toBe(true)
    const poste = await lireIcs('/permanences/poste/secteur-cotiere-val-de-saone.ics')
    expect(poste.evenements.every((e) => /Miribel|Montluel/.test(e.location))).toBe(true)
  })
})
