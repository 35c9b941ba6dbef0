/**
 * Inputs that several actions declare the same way: RPM sets, source RPMs, upstream keys and
 * the builder. The domain parses (rpm/) stay free of the action framework; these wrap them.
 */
import { boolean, custom, duration, list, oneOf, string } from '../action/inputs.js'
import { InvalidValue } from '../errors.js'
import { BUILDERS } from '../rpm/builder.js'
import { parseRpmPatterns, RPM_SET_FORM } from '../rpm/collect.js'
import { RPM_VERSION } from '../rpm/evr.js'
import { parseSrpmSource, SRPM_SOURCE_FORM } from '../rpm/source.js'
import { ALMALINUX_9, parseUpstreamKeys, UPSTREAM_KEYS_FORM } from '../rpm/upstream-keys.js'

type Options = { description: string; required?: boolean; default?: string }

/** RPM paths, folders and globs, or the JSON list build-kernel and patch-qemu output. */
export function rpmSetInput<O extends Options>(options: O) {
  return custom(options, RPM_SET_FORM, (raw) => parseRpmPatterns(raw))
}

export function srpmSourceInput<O extends Options>(options: O) {
  return custom(options, SRPM_SOURCE_FORM, (raw, ctx) => parseSrpmSource(raw, ctx.workspace))
}

export function rpmVersion<O extends Options>(options: O) {
  return custom(
    options,
    'an RPM version such as 5.14.0-570.12.1.el9_6 or 17:9.1.0-15.el9 ([epoch:]version[-release], no spaces)',
    (raw) => {
      if (!RPM_VERSION.test(raw)) throw new InvalidValue()
      return raw
    },
  )
}

export function upstreamKeysInput() {
  return custom(
    {
      description:
        'The keys the upstream source RPMs must be signed with: the signature must be by one of them (checked against a private rpm database; an unsigned package fails). The default is AlmaLinux 9’s key from /etc/pki/rpm-gpg on EL hosts, its fingerprint checked; elsewhere give the key. `none` skips the check, with a warning.',
      default: ALMALINUX_9.name,
    },
    UPSTREAM_KEYS_FORM,
    (raw, ctx) => parseUpstreamKeys(raw, ctx.workspace),
  )
}

/** The builder inputs of the actions that rebuild a source RPM (build-kernel, patch-qemu). */
export const builderInputs = {
  builder: oneOf({
    description:
      'How to build: `mock` (clean chroot, needs an EL or POWER host) or `rpmbuild` on the runner itself.',
    values: BUILDERS,
    default: 'mock',
  }),
  'mock-config': string({
    description: 'The mock configuration used when builder is mock.',
    default: 'almalinux-9-ppc64le',
    pattern: /^[A-Za-z0-9._+-]+$/,
    accepted: 'a mock configuration name such as almalinux-9-ppc64le',
  }),
  'build-timeout': duration({
    description: 'Stop the build (and everything it started) after this long.',
    default: '8h',
    max: 48 * 3_600_000,
  }),
}

export const rebuildInputs = {
  'upstream-keys': upstreamKeysInput(),
  build: boolean({
    description:
      'Run the build. With false the step stops after the recipes, the validation and the source RPM (kept in the results folder), and reports the command the build would run.',
    default: 'true',
  }),
  ccache: boolean({
    description: 'Compile through ccache and keep its directory in the Actions cache between runs.',
    default: 'false',
  }),
}

export function autopatchInput(description: string) {
  return list({
    description: `${description} Each entry is an AlmaLinux autopatch config file, or a folder holding config.yaml (with files/ and scripts/ beside it).`,
  })
}
