import { describe, expect, it } from 'vitest'

import { hacherMotDePasse, verifierMotDePasse } from '../../domaine/acces/empreinte-mot-de-passe'

describe('empreinte des mots de passe (scrypt)', () => {
  it('reconnaît le bon mot de passe, refuse les autres ; deux empreintes du même mot de passe diffèrent (sel)', async () => {
    const mdp = 'une phrase de passe assez longue'
    const e1 = await hacherMotDePasse(mdp)
    const e2 = await hacherMotDePasse(mdp)
    expect(e1).toMatch(/^scrypt\$65536\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/=]{44}$/)
    expect(e1).not.toBe(e2)
    expect(e1).not.toContain(mdp)
    expect(await verifierMotDePasse(mdp, e1)).toBe(true)
    expect(await verifierMotDePasse(mdp, e2)).toBe(true)
    expect(await verifierMotDePasse(`${mdp} `, e1)).toBe(false)
    expect(await verifierMotDePasse('', e1)).toBe(false)
  })

  it('une empreinte mal formée ne vaut rien', async () => {
    for (const empreinte of ['', 'scrypt$1$2', 'pbkdf2$1$1$1$AAAA$AAAA', 'scrypt$32768$8$1$AAAA$'])
      expect(await verifierMotDePasse('nimporte quoi', empreinte)).toBe(false)
  })
})
