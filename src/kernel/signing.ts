/**
 * Module signing of the rebuilt kernel. ppc64le is a secure-boot architecture, so the EL9 spec
 * signs the kernel and its modules by default; a rebuild either turns that off, or signs with
 * keys the maintainer provides. The key never enters the source RPM: the spec gets one line that
 * copies it from a path given at build time, after each `make mrproper` (which deletes
 * certs/signing_key.pem, the key the kernel build and the spec's signing steps use).
 */
import { readFileSync } from 'node:fs'
import { ConfigurationError } from '../errors.js'
import { exec } from '../exec/exec.js'
import { sections } from '../rpm/spec.js'

export type ModuleSigning = 'auto' | 'off' | 'keys'

/** The rpm macro that carries the key's path into the build. */
export const SIGNING_KEY_MACRO = 'kvm_actions_signing_key'

const SIGN_SWITCH = /^(\s*%(?:global|define)\s+sign(?:kernel|modules)\s+)1\s*$/

/** `%global signkernel 1` / `%global signmodules 1` become 0. */
export function disableSigning(lines: string[], spec: string): string {
  const switched: number[] = []
  lines.forEach((line, index) => {
    const match = SIGN_SWITCH.exec(line)
    if (match) {
      lines[index] = `${match[1]}0`
      switched.push(index + 1)
    }
  })
  if (switched.length === 0) {
    // A spec this edit changed before (a rebuild of our own source RPM) has it off already.
    const off = lines.flatMap((line, index) =>
      /^\s*%(?:global|define)\s+signmodules\s+0\s*$/.test(line) ? [index + 1] : [],
    )
    if (off.length > 0) return `signing already off in the spec (line ${off.join(', ')}); nothing changed`
    throw new ConfigurationError(
      `${spec}: cannot turn module signing off: expected '%global signmodules 1' (or signkernel). The spec has changed shape; use module-signing: auto or keys`,
    )
  }
  return `signing off (line ${switched.join(', ')})`
}

/** After every `make … mrproper` in %prep and %build: the provided key as certs/signing_key.pem. */
export function useSigningKey(lines: string[], spec: string): string {
  const copy = `%{?${SIGNING_KEY_MACRO}:cp %{${SIGNING_KEY_MACRO}} certs/signing_key.pem}`
  const placed = lines.filter((line) => line.trim() === copy).length
  if (placed > 0)
    return `the given key already put in place after ${placed} mrproper line(s); nothing changed`
  const at: number[] = []
  for (const section of sections(lines).filter((s) => s.name === 'prep' || s.name === 'build')) {
    for (let index = section.header + 1; index < section.end; index++) {
      const line = lines[index]!
      // A make command (make, %{make}, %{__make}) whose target is mrproper; not a function definition.
      if (/^\s*(?:make|%\{?_{0,2}make\}?)(?!\s*\()\s[^#]*\bmrproper\b/.test(line)) at.push(index)
    }
  }
  if (at.length === 0) {
    throw new ConfigurationError(
      `${spec}: cannot sign with the given key: expected a 'make … mrproper' line in %build, after which the key is put in place. The spec has changed shape; use module-signing: auto or off`,
    )
  }
  for (const index of [...at].reverse()) {
    const indent = /^\s*/.exec(lines[index]!)![0]
    lines.splice(index + 1, 0, `${indent}${copy}`)
  }
  return `the given key after ${at.length} mrproper line(s)`
}

/**
 * The SHA-256 fingerprint of the certificate in a signing key file, which must hold the private
 * key and the certificate (PEM), as the kernel's certs/signing_key.pem does.
 */
export async function signingKeyFingerprint(file: string): Promise<string> {
  const text = readFileSync(file, 'utf8')
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(text) || !text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ConfigurationError(
      `Input 'module-signing-key' names ${file}, which is not a PEM file with both a private key and its certificate (the form of certs/signing_key.pem)`,
    )
  }
  const result = await exec(['openssl', 'x509', '-in', file, '-noout', '-fingerprint', '-sha256'], {
    allowFailure: true,
  })
  const fingerprint = /=([0-9A-F:]+)\s*$/.exec(result.stdout.trim())?.[1]
  if (result.exitCode !== 0 || !fingerprint) {
    throw new ConfigurationError(
      `Input 'module-signing-key' names ${file}, whose certificate openssl cannot read`,
    )
  }
  return fingerprint
}
