#!/usr/bin/env node
import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  freshCode
} from "./chunks/chunk-OJ7MYKXF.js";
import {
  RESOURCE_TYPES,
  TRIGGERS_ATTRIBUTE,
  checkDeclaration,
  checkIdentity,
  declarationProblems,
  describeDeclaration,
  mapStrings,
  terraformUnescape
} from "./chunks/chunk-XCO4YO2K.js";
import {
  DEFAULTS,
  LIMITS,
  MAX_UNIX_SECONDS,
  METHOD_SETTINGS,
  assertMinRemaining,
  checkName,
  checkSettings,
  checkedKeySpec,
  checkedMethodSpec,
  codeLength,
  contradictions,
  createKey,
  createMethod,
  deleteKey,
  deleteMethod,
  describeCodes,
  enroll,
  enrollmentRefusal,
  findEnrollment,
  findKey,
  findMethod,
  formatOtpauthUrl,
  generateCode,
  isOtpauthUrl,
  listKeys,
  listMethods,
  newGeneration,
  notFound,
  nowSeconds,
  openKey,
  openStore,
  parseSeedText,
  parseWholeNumber,
  qrTerminal,
  readEnrollment,
  readKey,
  readMethod,
  readSmallFile,
  readSmallStdin,
  refusalMessage,
  remainingSeconds,
  resolveKey,
  resolveSource,
  resolveStoreRef,
  shortSeedWarning,
  unenroll,
  updateKeyInPlace,
  updateMethod,
  validateEnrollment,
  validateKey,
  verifyWithKey
} from "./chunks/chunk-NE6X34RG.js";
import "./chunks/chunk-EE23T2T2.js";
import "./chunks/chunk-HSJDYOVP.js";
import {
  writeFileAtomically
} from "./chunks/chunk-2XIJ5OYL.js";
import {
  EXIT_CODES,
  TotpKitError,
  badInput,
  badSettings,
  errorMessage,
  formatProblem,
  isSafeToPrint,
  looksLikeSeed,
  quote
} from "./chunks/chunk-BYLEH6TO.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunks/chunk-NATS7N6G.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName2, operands, unknown) {
        const subCommand = this._findCommand(commandName2);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// src/cli/io.ts
function isBrokenPipe(e) {
  return e instanceof Error && e.code === "EPIPE";
}
function brokenPipe() {
  return Object.assign(new Error("write EPIPE"), { code: "EPIPE", syscall: "write" });
}
function processIo() {
  const gone = { out: false, err: false };
  for (const [name, stream] of [
    ["out", process.stdout],
    ["err", process.stderr]
  ]) {
    stream.on("error", (e) => {
      if (e.code !== "EPIPE") throw e;
      gone[name] = true;
    });
  }
  return {
    out: (text) => {
      if (gone.out) throw brokenPipe();
      process.stdout.write(text);
    },
    err: (text) => {
      if (!gone.err) process.stderr.write(text);
    },
    env: process.env,
    now: nowSeconds,
    isTty: Boolean(process.stdout.isTTY),
    write: (stream, chunk) => {
      if (!gone[stream]) (stream === "out" ? process.stdout : process.stderr).write(chunk);
    }
  };
}

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/cli/commands/check.ts
import { createHash } from "node:crypto";

// src/cli/output.ts
function emit(io, json, value, text) {
  if (json) io.out(`${JSON.stringify(value)}
`);
  else io.out(`${(typeof text === "string" ? [text] : text).join("\n")}
`);
}
function emitRecord(io, json, record) {
  emit(
    io,
    json,
    record,
    Object.entries(record).map(([field, value]) => `${field}: ${String(value)}`)
  );
}
function maskInActions(value, io) {
  if (io.env.GITHUB_ACTIONS === "true" && value !== "") io.err(`::add-mask::${value}
`);
}

// src/sources/load-key.ts
async function loadKey(origin, given2, env, options = {}, label2 = (s) => s) {
  const check2 = checkSettings(given2);
  if (check2.problems.length > 0) throw badSettings(check2.problems, label2);
  const encoder = check2.settings.encoder;
  if ("text" in origin) {
    const seed2 = parseSeedText(origin.text, origin.label, void 0, encoder ? { encoder } : {});
    return { key: resolveKey(seed2, given2, origin.label, label2), secretForms: seed2.secretForms, origin: origin.label };
  }
  const source = resolveSource(origin.reference, origin.label, env, encoder ? { ...options, encoder } : options);
  if (source.kind === "remote") {
    return { key: await remoteKey(source, check2.settings, label2), secretForms: [], origin: source.reference };
  }
  const seed = await source.read();
  return {
    key: resolveKey(seed, given2, source.reference, label2),
    secretForms: seed.secretForms,
    origin: source.reference
  };
}
async function remoteKey(remote, given2, label2) {
  const steam = given2.encoder === "steam" ? [
    {
      setting: "encoder",
      problem: `steam cannot be used with ${remote.reference}: Vault's TOTP engine computes standard digit codes only`,
      allowed: "totp, or leave it out"
    }
  ] : [];
  if (steam.length > 0) throw badSettings(steam, label2);
  const settings = await remote.settings();
  const problems = contradictions(settings, given2, remote.reference);
  if (problems.length > 0) throw badSettings(problems, label2);
  return { remote, ...settings };
}

// src/cli/seed-options.ts
var FLAGS = {
  algorithm: "--algorithm",
  digits: "--digits",
  period: "--period",
  keySize: "--key-size",
  skew: "--skew",
  qrSize: "--qr-size",
  maxValidationAttempts: "--max-validation-attempts",
  issuer: "--issuer",
  accountName: "--account",
  encoder: "--encoder"
};
function flagOf(setting) {
  return FLAGS[setting] ?? setting;
}
function withDefault(description, value, note) {
  return `${description} (default: ${value}${note === void 0 ? "" : `, ${note}`})`;
}
var ENCODER_HELP = "totp or steam (Steam Guard's 5-character codes)";
var URL_STATES = "or what the URL states";
function addSeedOptions(command) {
  return command.option(
    "--from <source>",
    "read the seed from a source (recommended): env:NAME, file:PATH, aws-sm:ID[#FIELD], vault-kv:MOUNT/PATH#FIELD, vault-totp:MOUNT/KEY or store:NAME"
  ).option("--url <otpauth-url>", "an otpauth://totp/ URL (visible in the process list: prefer --from)").option(
    "--secret <base32>",
    "a Base32 seed, or base64 with --encoder steam (visible in the process list: prefer --from)"
  ).option("--algorithm <name>", withDefault("SHA1, SHA256 or SHA512", DEFAULTS.algorithm, URL_STATES)).option("--digits <n>", withDefault("6 or 8", DEFAULTS.digits, URL_STATES)).option("--period <seconds>", withDefault("time step in seconds", DEFAULTS.period, URL_STATES)).option("--encoder <name>", withDefault(ENCODER_HELP, "totp", "or what the URL or .maFile states"));
}
function originOf(flags) {
  const given2 = ["secret", "url", "from"].filter((f) => flags[f] !== void 0);
  if (given2.length === 0) {
    throw badInput(
      "seed",
      "none given",
      "--from SOURCE (e.g. --from env:TOTP_SEED), --url URL or --secret BASE32",
      "E_NO_SEED"
    );
  }
  if (given2.length > 1) {
    throw badInput(
      "seed",
      `${given2.map((f) => `--${f}`).join(" and ")} were both given`,
      "exactly one of --from, --url, --secret",
      "E_TWO_SEEDS"
    );
  }
  if (flags.from !== void 0) return { reference: flags.from, label: "--from" };
  if (flags.url !== void 0) {
    if (!isOtpauthUrl(flags.url)) {
      throw badInput(
        "--url",
        "is not an otpauth:// URL (its value was not printed)",
        "otpauth://totp/\u2026?secret=\u2026",
        "E_URL_INVALID"
      );
    }
    return { text: flags.url, label: "--url" };
  }
  return { text: flags.secret, label: "--secret" };
}
async function loadKeyFromFlags(flags, io, other = {}) {
  const settings = {
    algorithm: flags.algorithm,
    digits: flags.digits,
    period: flags.period,
    ...flags.encoder !== void 0 ? { encoder: flags.encoder } : {}
  };
  const check2 = checkSettings({ ...other.settings, ...settings });
  const problems = [...check2.problems, ...other.problems ?? []];
  if (problems.length > 0) throw badSettings(problems, flagOf);
  const loaded = await loadKey(
    originOf(flags),
    settings,
    io.env,
    other.store === void 0 ? {} : { store: other.store },
    flagOf
  );
  const warnings = [...check2.warnings];
  const short = loaded.key.remote ? void 0 : shortSeedWarning(loaded.key.secret, loaded.origin);
  if (short !== void 0) warnings.push(short);
  if (flags.secret !== void 0 || flags.url !== void 0) {
    const flag = flags.secret !== void 0 ? "--secret" : "--url";
    warnings.push(`${flag} puts the seed in the process list and shell history; prefer --from env:NAME`);
  }
  return { key: loaded.key, settings: check2.settings, warnings };
}
function printWarnings(warnings, io) {
  for (const warning of warnings) io.err(`totp-kit: warning: ${warning}
`);
}

// src/core/clock.ts
var CLOCK_TOLERANCE_SECONDS = 2;
var MAX_TIME_OFFSET_SECONDS = 86400;
function clockSourceProblem(value, label2) {
  const allowed = "an http:// or https:// URL whose server sends a Date header, e.g. https://registry.npmjs.org";
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    return { setting: label2, problem: "is not a URL (its value was not printed)", allowed };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const name = url.protocol.slice(0, -1);
    const scheme = isSafeToPrint(name) ? `${quote(name)} ` : "";
    return { setting: label2, problem: `has the scheme ${scheme}where http or https is needed`, allowed };
  }
  return void 0;
}
function timeOffsetProblem(value, label2) {
  const text = value.trim();
  const allowed = `seconds to add to this machine's clock, from -${MAX_TIME_OFFSET_SECONDS} to ${MAX_TIME_OFFSET_SECONDS} (e.g. -42 or 3.5)`;
  if (!/^[+-]?(0|[1-9][0-9]*)(\.[0-9]{1,3})?$/.test(text)) {
    return { setting: label2, problem: `${quote(value)} is not a number of seconds`, allowed };
  }
  if (Math.abs(Number(text)) > MAX_TIME_OFFSET_SECONDS) {
    return { setting: label2, problem: `${quote(value)} is out of range`, allowed };
  }
  return void 0;
}
function parseTimeOffset(value, label2) {
  const problem = timeOffsetProblem(value, label2);
  if (problem) throw badInput(problem.setting, problem.problem, problem.allowed);
  return Number(value.trim());
}
function describeOffset(offset) {
  const size = Math.abs(offset).toFixed(1);
  return offset >= 0 ? `${size} s ahead of this machine` : `${size} s behind this machine`;
}
function clockRequestProblems(request, labels) {
  const problems = [];
  if (request.clockSource !== void 0 && request.timeOffset !== void 0) {
    problems.push({
      setting: labels.clockSource,
      problem: `and ${labels.timeOffset} were both given`,
      allowed: "one of them: measure the offset, or state it"
    });
  }
  const source = request.clockSource === void 0 ? void 0 : clockSourceProblem(request.clockSource, labels.clockSource);
  const offset = request.timeOffset === void 0 ? void 0 : timeOffsetProblem(request.timeOffset, labels.timeOffset);
  return [...problems, ...source ? [source] : [], ...offset ? [offset] : []];
}
function signed(seconds, decimals) {
  return `${seconds >= 0 ? "+" : ""}${decimals === void 0 ? seconds : seconds.toFixed(decimals)}`;
}
function clockMessage(reading) {
  if (reading.applied) {
    return `clock: ${reading.origin} is ${describeOffset(reading.offset)}; codes use its time`;
  }
  return `clock: ${reading.origin} is within ${CLOCK_TOLERANCE_SECONDS} s of this machine (offset ${signed(reading.offset, 1)} s); codes use this machine's clock`;
}

// src/sources/server-clock.ts
var CLOCK_TIMEOUT_MS = 5e3;
async function readClock(url, label2, options = {}) {
  const problem = clockSourceProblem(url, label2);
  if (problem) throw badInput(problem.setting, problem.problem, problem.allowed);
  const target = new URL(url.trim());
  target.username = "";
  target.password = "";
  const origin = target.origin;
  const now = options.now ?? nowSeconds;
  const timeoutMs = options.timeoutMs ?? CLOCK_TIMEOUT_MS;
  const started = now();
  let date;
  try {
    const response = await fetch(target, {
      method: "HEAD",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "user-agent": "totp-kit clock check" }
    });
    date = response.headers.get("date");
    await response.body?.cancel();
  } catch (e) {
    const cause = e.cause;
    const name = e.name;
    const why = name === "TimeoutError" ? `no answer within ${timeoutMs / 1e3} s` : typeof cause?.code === "string" ? `unreachable (${cause.code})` : "unreachable";
    throw failure(label2, origin, why);
  }
  const ended = now();
  const serverSeconds = date === null ? Number.NaN : Date.parse(date) / 1e3;
  if (!Number.isFinite(serverSeconds)) {
    throw failure(label2, origin, date === null ? "sent no Date header" : "sent a Date header that is not a date");
  }
  const offset = Math.round((serverSeconds + 0.5 - (started + ended) / 2) * 10) / 10;
  if (Math.abs(offset) > MAX_TIME_OFFSET_SECONDS) {
    throw failure(label2, origin, `says a time ${describeOffset(offset)} (more than a day): fix this machine's clock`);
  }
  return {
    origin,
    offset,
    roundTrip: Math.round((ended - started) * 1e3) / 1e3,
    applied: Math.abs(offset) > CLOCK_TOLERANCE_SECONDS
  };
}
function failure(label2, origin, why) {
  return new TotpKitError("backend", "E_CLOCK_SOURCE", `${label2}: ${origin} ${why}`);
}
async function decideClock(request, labels, remote, options = {}) {
  if (request.clockSource === void 0 && request.timeOffset === void 0) return { offset: 0 };
  if (remote !== void 0) {
    throw badInput(
      request.clockSource !== void 0 ? labels.clockSource : labels.timeOffset,
      `cannot be used with ${remote}: its backend computes the code with its own clock`,
      labels.omit
    );
  }
  if (request.timeOffset !== void 0) {
    const stated = parseTimeOffset(request.timeOffset, labels.timeOffset);
    return { offset: stated, stated };
  }
  try {
    const reading = await readClock(request.clockSource, labels.clockSource, options);
    return { offset: reading.applied ? reading.offset : 0, reading };
  } catch (e) {
    if (!(e instanceof TotpKitError) || e.code !== "E_CLOCK_SOURCE") throw e;
    return { offset: 0, unreadable: e.message };
  }
}

// src/cli/timing-options.ts
function addClockOptions(command) {
  return command.option(
    "--clock-source <url>",
    "read the time from this URL's HTTP Date header (e.g. the service's own URL) and use it when this machine's clock is more than 2 s off"
  ).option("--time-offset <seconds>", "seconds to add to this machine's clock (e.g. -42), when you know it is off");
}
var CLOCK_LABELS = { clockSource: "--clock-source", timeOffset: "--time-offset", omit: "leave it out" };
function clockProblems(flags, at) {
  const problems = clockRequestProblems(flags, CLOCK_LABELS);
  if (at === void 0) return problems;
  for (const [flag, given2] of [
    ["--clock-source", flags.clockSource !== void 0],
    ["--time-offset", flags.timeOffset !== void 0]
  ]) {
    if (given2) problems.push(atProblem(flag));
  }
  return problems;
}
var AT_FLAGS = "--at <time>";
var AT_FORMS = `Unix seconds from 0 to ${MAX_UNIX_SECONDS}, or ISO 8601 with Z or an offset, e.g. 2026-12-05T10:00:00Z`;
function atHelp(purpose) {
  return `${purpose}: Unix seconds or ISO 8601 with Z or an offset (e.g. 2026-12-05T10:00:00Z)`;
}
var ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
function parseAtValue(value) {
  const refuse = (problem) => ({ problem: { setting: "--at", problem, allowed: AT_FORMS } });
  const whole = parseWholeNumber(value);
  if (whole !== void 0)
    return whole <= MAX_UNIX_SECONDS ? { at: whole } : refuse(`${quote(value)} is after the year 9999`);
  const text = typeof value === "string" ? value.trim() : "";
  const iso2 = ISO_DATE_TIME.exec(text);
  if (!iso2) return refuse(`${quote(value)} is not a time`);
  const shown = JSON.stringify(text);
  const [
    ,
    year,
    month,
    day,
    hour,
    minute,
    second = "00",
    fraction = "",
    zulu,
    sign,
    offsetHours,
    offsetMinutes = "00"
  ] = iso2;
  if (hour === void 0) return refuse(`${shown} is a date without a time of day`);
  if (zulu === void 0 && sign === void 0) return refuse(`${shown} has no time zone`);
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second));
  const real = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) && date.getUTCHours() === Number(hour) && date.getUTCMinutes() === Number(minute) && date.getUTCSeconds() === Number(second) && Number(offsetHours ?? 0) <= 23 && Number(offsetMinutes) <= 59;
  if (!real) return refuse(`${shown} is not a real date and time`);
  const offset = sign === void 0 ? 0 : (sign === "-" ? -1 : 1) * (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60);
  const at = date.getTime() / 1e3 + Number(`0${fraction}`) - offset;
  if (at < 0) return refuse(`${shown} is before 1970-01-01T00:00:00Z`);
  if (at >= MAX_UNIX_SECONDS + 1) return refuse(`${shown} is after the year 9999`);
  return { at };
}
function atValueProblem(value) {
  const parsed = parseAtValue(value);
  return "problem" in parsed ? parsed.problem : void 0;
}
function parseAt(value) {
  const parsed = parseAtValue(value);
  if ("problem" in parsed) throw badInput("--at", parsed.problem.problem, AT_FORMS, "E_BAD_TIME");
  return parsed.at;
}
function atProblem(flag) {
  return { setting: flag, problem: "cannot be used with --at, which fixes the time", allowed: "one of them" };
}
async function chooseClock(flags, key, io) {
  const decision = await decideClock(flags, CLOCK_LABELS, key.remote?.reference, { now: io.now });
  if (decision.stated !== void 0) {
    io.err(`totp-kit: clock: --time-offset ${signed(decision.stated)} s applied to this machine's clock
`);
  }
  if (decision.reading) io.err(`totp-kit: ${clockMessage(decision.reading)}
`);
  if (decision.unreadable !== void 0) {
    io.err(`totp-kit: warning: ${decision.unreadable}; codes use this machine's clock
`);
  }
  return decision;
}
function minRemainingProblem(value) {
  if (parseWholeNumber(value) !== void 0) return void 0;
  const negative = String(value).trim().startsWith("-");
  return {
    setting: "--min-remaining",
    problem: `${quote(value)} ${negative ? "is negative" : "is not a whole number of seconds"}`,
    allowed: "whole seconds below the period"
  };
}

// src/cli/commands/check.ts
function fingerprint(secret) {
  return createHash("sha256").update(secret).digest("hex").slice(0, 8);
}
function registerCheck(program2, io, result) {
  addClockOptions(
    addSeedOptions(
      program2.command("check").description(
        "show a seed's fingerprint, settings and the previous, current and next codes, to compare with an authenticator app (never the seed)"
      )
    )
  ).option(AT_FLAGS, atHelp("show the codes around this time instead of now")).addHelpText(
    "after",
    [
      "",
      "Compare the codes with your authenticator app's current code:",
      '  "current" matches          the seed and settings are right; look at the service or the clock',
      '  "previous" or "next" does  the clocks differ by about a period: try --clock-source URL',
      "  none does                  another secret, or other algorithm/digits/period than the app uses",
      "The fingerprint (SHA-256 of the key bytes, first 8 hex digits) tells whether two places hold the same seed."
    ].join("\n")
  ).action(async (flags, command) => {
    const globals = command.optsWithGlobals();
    await check(flags, io, globals.json === true, globals.store);
    result();
  });
}
function settingsLine(key) {
  return `${describeCodes(key)} period`;
}
function iso(seconds) {
  return new Date(seconds * 1e3).toISOString().replace(".000Z", "Z");
}
async function check(flags, io, json, store) {
  const problems = [...clockProblems(flags, flags.at)];
  const atIssue = flags.at !== void 0 ? atValueProblem(flags.at) : void 0;
  if (atIssue) problems.push(atIssue);
  const loaded = await loadKeyFromFlags(flags, io, { problems, ...store !== void 0 ? { store } : {} });
  const { key } = loaded;
  printWarnings(loaded.warnings, io);
  const source = flags.from ?? (flags.url !== void 0 ? "--url" : "--secret");
  if (key.remote) {
    const code = await key.remote.code();
    maskInActions(code, io);
    const now = io.now();
    const step2 = Math.floor(now / key.period);
    const current = {
      which: "current",
      step: step2,
      code,
      from: iso(step2 * key.period),
      until: iso((step2 + 1) * key.period)
    };
    if (json) {
      io.out(
        `${JSON.stringify({ source, fingerprint: null, algorithm: key.algorithm, digits: key.digits, period: key.period, codes: [current] })}
`
      );
    } else {
      io.out(
        `${[
          `source:       ${source} (the seed stays in the backend: no fingerprint, only its current code)`,
          `settings:     ${settingsLine(key)}`,
          `current:      ${code}  ${current.from} to ${current.until}`
        ].join("\n")}
`
      );
    }
    return;
  }
  const clock = flags.at !== void 0 ? { offset: 0 } : await chooseClock(flags, key, io);
  const t = flags.at !== void 0 ? parseAt(flags.at) : io.now() + clock.offset;
  const step = Math.floor(t / key.period);
  const codes = ["previous", "current", "next"].map((which, i) => ({ which, step: step - 1 + i })).filter(({ step: step2 }) => step2 >= 0).map(({ which, step: step2 }) => ({
    which,
    step: step2,
    code: generateCode(key, step2 * key.period),
    from: iso(step2 * key.period),
    until: iso((step2 + 1) * key.period)
  }));
  for (const { code } of codes) maskInActions(code, io);
  const print = fingerprint(key.secret);
  const left = (step + 1) * key.period - Math.floor(t);
  if (json) {
    io.out(
      `${JSON.stringify({
        source,
        fingerprint: print,
        algorithm: key.algorithm,
        digits: codeLength(key),
        period: key.period,
        ...key.encoder !== void 0 ? { encoder: key.encoder } : {},
        ...key.issuer ? { issuer: key.issuer } : {},
        ...key.accountName ? { accountName: key.accountName } : {},
        clockOffset: clock.offset,
        at: iso(Math.floor(t)),
        codes
      })}
`
    );
    return;
  }
  const who = [key.issuer, key.accountName].filter((part) => part !== void 0 && part !== "").join(": ");
  const lines = [
    `source:       ${source}`,
    ...who !== "" ? [`for:          ${who}`] : [],
    `fingerprint:  ${print} (SHA-256 of the key bytes, first 8 hex digits)`,
    `settings:     ${settingsLine(key)}`,
    `time:         ${iso(Math.floor(t))}${clock.offset !== 0 ? ` (this machine's clock ${clock.offset > 0 ? "+" : ""}${clock.offset} s)` : ""}`,
    ...codes.map(
      (c) => `${`${c.which}:`.padEnd(14)}${c.code}  ${c.from} to ${c.until}${c.which === "current" ? ` (${left} s left)` : ""}`
    )
  ];
  io.out(`${lines.join("\n")}
`);
}

// src/cli/print-code.ts
async function leaseStore(store, io) {
  return openStore(resolveStoreRef(store, io.env, "--store"), io.env);
}
async function printCode(flags, io, json, store) {
  const problems = [];
  const minRemainingIssue = minRemainingProblem(flags.minRemaining ?? "0");
  if (minRemainingIssue) problems.push(minRemainingIssue);
  const minRemaining = parseWholeNumber(flags.minRemaining ?? "0");
  if (flags.at !== void 0) {
    const atIssue = atValueProblem(flags.at);
    if (atIssue) problems.push(atIssue);
    if (flags.lease === true) problems.push(atProblem("--lease"));
  }
  problems.push(...clockProblems(flags, flags.at));
  const { key, warnings } = await loadKeyFromFlags(flags, io, { problems, ...store !== void 0 ? { store } : {} });
  assertMinRemaining(minRemaining, key.period, "--min-remaining");
  if (flags.at !== void 0 && key.remote) {
    throw badInput(
      "--at",
      `cannot be used with ${key.remote.reference}: its backend computes the code for now`,
      "leave --at out"
    );
  }
  printWarnings(warnings, io);
  let issued;
  let offset = 0;
  if (flags.at !== void 0) {
    const at = parseAt(flags.at);
    issued = await freshCode(key, {
      minRemaining,
      minRemainingLabel: "--min-remaining",
      now: () => at,
      wait: async () => {
      }
    });
  } else {
    const clock = await chooseClock(flags, key, io);
    offset = clock.offset;
    const lease = flags.lease === true ? await leaseStore(store, io) : void 0;
    issued = await freshCode(key, {
      minRemaining,
      minRemainingLabel: "--min-remaining",
      offset,
      ...lease ? { lease, leaseLabel: "--lease" } : {},
      now: io.now,
      ...io.sleep ? { wait: io.sleep } : {},
      onWait: (message) => io.err(`totp-kit: ${message}
`)
    });
  }
  maskInActions(issued.code, io);
  if (json) {
    const result = {
      code: issued.code,
      period: key.period,
      digits: codeLength(key),
      algorithm: key.algorithm,
      ...key.remote === void 0 && key.encoder !== void 0 ? { encoder: key.encoder } : {},
      remaining: issued.remaining,
      expiresAt: new Date(issued.expiresAt * 1e3).toISOString(),
      // Beyond the contract's keys only when the flags that give them meaning are used.
      ...flags.clockSource !== void 0 || flags.timeOffset !== void 0 ? { clockOffset: offset } : {},
      ...issued.leased ? { step: issued.step, leased: true } : {}
    };
    io.out(`${JSON.stringify(result)}
`);
  } else {
    io.out(`${issued.code}
`);
  }
}

// src/cli/commands/code.ts
function registerCode(program2, io, result) {
  addClockOptions(addSeedOptions(program2.command("code").description("print the current code of a key"))).option(AT_FLAGS, atHelp("compute the code at this time instead of now")).option("--min-remaining <seconds>", "if the code expires sooner than this, wait for the next one", "0").option(
    "--lease",
    "hand out a time step no other caller got for this key (recorded in the store), so parallel jobs never send one code twice"
  ).addHelpText(
    "after",
    '\nExamples:\n  TOTP_SEED=\u2026 totp-kit code --from env:TOTP_SEED\n  npm publish --otp "$(totp-kit code --from file:/run/secrets/npm-otp --min-remaining 5)"\n  totp-kit code --from env:TOTP_SEED --clock-source https://registry.npmjs.org --lease --store aws-sm:ci/totp'
  ).action(async (flags, command) => {
    const globals = command.optsWithGlobals();
    await printCode(flags, io, globals.json === true, globals.store);
    result();
  });
}

// src/resources/secret-file.ts
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
async function writeSecretFile(path, data, what) {
  const target = resolve(path);
  try {
    await mkdir(dirname(target), { recursive: true, mode: 448 });
    await writeFileAtomically(target, data);
  } catch (e) {
    const code = e.code ?? "unknown error";
    throw new TotpKitError("backend", "E_SECRET_FILE", `${what} ${path} could not be written (${code})`);
  }
  return target;
}

// src/resources/plan.ts
function change(setting, from, to, forcesReplacement) {
  return from === to ? [] : [{ setting, from, to, forcesReplacement }];
}
function keyChanges(record, spec) {
  const changes = [];
  if (record.generated !== spec.generated) {
    changes.push({
      setting: "source",
      from: record.generated ? "generate" : `importFrom ${record.importFrom}`,
      to: spec.generated ? "generate" : `importFrom ${spec.importFrom}`,
      forcesReplacement: true
    });
    return changes;
  }
  const seedSettings = spec.generated ? ["algorithm", "digits", "period", "keySize"] : ["algorithm", "digits", "period"].filter((s) => spec.stated[s] !== void 0);
  for (const setting of seedSettings) changes.push(...change(setting, record[setting], spec.settings[setting], true));
  if (spec.generated) {
    changes.push(
      ...change("issuer", record.issuer, spec.issuer, true),
      ...change("accountName", record.accountName, spec.accountName, true)
    );
  } else {
    changes.push(...change("importFrom", record.importFrom, spec.importFrom, true));
    if (spec.issuer !== void 0) changes.push(...change("issuer", record.issuer, spec.issuer, false));
    if (spec.accountName !== void 0)
      changes.push(...change("accountName", record.accountName, spec.accountName, false));
  }
  changes.push(
    ...change("skew", record.skew, spec.settings.skew, false),
    ...change("qrSize", record.qrSize, spec.settings.qrSize, false),
    ...change("exported", record.exported, spec.exported, false)
  );
  return changes;
}
function reason(c) {
  const what = `${c.setting} ${String(c.from ?? "(none)")} \u2192 ${String(c.to ?? "(none)")}`;
  return c.forcesReplacement ? `${what} forces a new seed` : `${what} updates in place`;
}
function planOf(resource, exists, changes, notes = []) {
  if (!exists) return { resource, action: "create", changes: [], reasons: ["does not exist yet"] };
  const action = changes.some((c) => c.forcesReplacement) ? "replace" : changes.length > 0 ? "update" : "no-op";
  return { resource, action, changes, reasons: [...changes.map(reason), ...changes.length > 0 ? notes : []] };
}
async function planDeclaration(ctx, value) {
  const decl = checkDeclaration(value);
  const resource = describeDeclaration(decl);
  if (decl.kind === "key") {
    const spec = checkedKeySpec(decl);
    const record2 = await findKey(ctx, spec.name);
    return planOf(resource, record2 !== void 0, record2 ? keyChanges(record2, spec) : []);
  }
  if (decl.kind === "method") {
    const spec = checkedMethodSpec(decl);
    const record2 = await findMethod(ctx, spec.methodName);
    const changes = record2 ? METHOD_SETTINGS.flatMap((s) => change(s, record2[s], spec[s], false)) : [];
    const pinned = changes.some((c) => ["algorithm", "digits", "period", "issuer", "keySize"].includes(c.setting));
    return planOf(
      resource,
      record2 !== void 0,
      changes,
      pinned ? ["existing enrollments keep their algorithm, digits, period and issuer; new ones get the new settings"] : []
    );
  }
  const record = await findEnrollment(ctx, decl.method, decl.entityId);
  return planOf(resource, record !== void 0, []);
}
async function qrFile(decl, barcode, warnings) {
  if (decl.kind === "method") return {};
  if (decl.qrCodeFile === void 0) {
    if (barcode)
      warnings.push(
        `${describeDeclaration(decl)}: its barcode was not saved (no qrCodeFile) and cannot be shown again`
      );
    return {};
  }
  if (!barcode) {
    warnings.push(
      `${describeDeclaration(decl)}: no barcode to write to ${decl.qrCodeFile} (qrSize 0, or the key is not exported)`
    );
    return {};
  }
  return { qrCodeFile: await writeSecretFile(decl.qrCodeFile, barcode, "barcode file") };
}
async function applyDeclaration(ctx, value, options = {}) {
  const decl = checkDeclaration(value);
  const plan = await planDeclaration(ctx, decl);
  const generation = options.generation ?? newGeneration();
  const warnings = [];
  if (decl.kind === "key") {
    const spec = checkedKeySpec(decl);
    if (plan.action === "create" || plan.action === "replace") {
      const created = await createKey(ctx, spec, { replace: true, generation });
      warnings.push(...created.warnings);
      return { ...plan, generation, warnings, ...await qrFile(decl, created.barcode, warnings) };
    }
    await updateKeyInPlace(ctx, spec.name, {
      skew: spec.settings.skew,
      qrSize: spec.settings.qrSize,
      exported: spec.exported,
      ...!spec.generated && spec.issuer !== void 0 ? { issuer: spec.issuer } : {},
      ...!spec.generated && spec.accountName !== void 0 ? { accountName: spec.accountName } : {},
      generation
    });
    return { ...plan, generation, warnings };
  }
  if (decl.kind === "method") {
    const spec = checkedMethodSpec(decl);
    if (plan.action === "create") await createMethod(ctx, spec, generation);
    else await updateMethod(ctx, spec, generation);
    return { ...plan, generation, warnings };
  }
  const method = decl.method;
  const entityId = decl.entityId;
  if (plan.action === "create") {
    const enrolled = await enroll(ctx, method, entityId, generation);
    if (enrolled.warning) warnings.push(enrolled.warning);
    if (enrolled.created) return { ...plan, generation, warnings, ...await qrFile(decl, enrolled.barcode, warnings) };
  }
  await ctx.store.update("enrollment", `${method}/${entityId}`, (current) => ({
    result: void 0,
    next: current ? { ...current, generation } : void 0
  }));
  return { ...plan, action: "no-op", generation, warnings };
}
async function destroyDeclaration(ctx, value, options = {}) {
  const decl = checkIdentity(value);
  const resource = describeDeclaration(decl);
  let deleted;
  if (decl.kind === "key") deleted = (await deleteKey(ctx, decl.name, options.generation)).deleted;
  else if (decl.kind === "method") deleted = (await deleteMethod(ctx, decl.methodName, options)).deleted;
  else deleted = (await unenroll(ctx, decl.method, decl.entityId, options.generation)).deleted;
  if (deleted || options.generation === void 0) return { resource, deleted };
  return { resource, deleted, kept: `it is not generation ${options.generation} (replaced since, or already gone)` };
}

// src/resources/stack-plan.ts
import { readFile, stat } from "node:fs/promises";
import { dirname as dirname2, isAbsolute, join, resolve as resolve2 } from "node:path";
var STACK_FILE = "cdk.tf.json";
var STACK_ALLOWED = `a stack folder cdktf synth wrote (cdktf.out/stacks/NAME, with ${STACK_FILE}) or a .tf.json file`;
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
async function locateStack(given2) {
  if (given2 === "") throw badInput("--stack", "needs a folder", STACK_ALLOWED);
  const kind = await fileKind(given2);
  if (kind === "missing") {
    throw badInput(looksLikeSeed(given2) ? "--stack" : `--stack ${given2}`, "does not exist", STACK_ALLOWED);
  }
  if (kind === "file") return { file: given2, folder: dirname2(given2), label: `--stack ${given2}` };
  const file = join(given2, STACK_FILE);
  if (await fileKind(file) !== "file") {
    throw badInput(`--stack ${given2}`, `has no ${STACK_FILE}`, `${STACK_ALLOWED}; run cdktf synth first`);
  }
  return { file, folder: given2, label: `--stack ${file}` };
}
async function fileKind(path) {
  try {
    return (await stat(path)).isDirectory() ? "folder" : "file";
  } catch (e) {
    if (e.code === "ENOENT" || e.code === "ENOTDIR")
      return "missing";
    throw badInput(`--stack ${path}`, `cannot be read (${e.code ?? "unknown error"})`);
  }
}
async function readStack(given2) {
  const { file, folder, label: label2 } = await locateStack(given2);
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw badInput(label2, `cannot be read (${e.code ?? "unknown error"})`, STACK_ALLOWED);
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    throw badInput(label2, "is not valid JSON", `the ${STACK_FILE} cdktf synth writes`);
  }
  const resources = stackResources(doc, dirname2(file), label2);
  const applied = await appliedAddresses(doc, dirname2(file));
  return { folder, resources, ...applied !== void 0 ? { applied } : {} };
}
async function appliedAddresses(doc, stackDir) {
  const terraform = isObject(doc) && isObject(doc.terraform) ? doc.terraform : {};
  const backend = isObject(terraform.backend) ? terraform.backend : void 0;
  if (backend !== void 0 && Object.keys(backend).some((k) => k !== "local")) return void 0;
  const local = backend !== void 0 && isObject(backend.local) ? backend.local : {};
  const path = typeof local.path === "string" ? local.path : "terraform.tfstate";
  let state;
  try {
    state = JSON.parse(await readFile(resolve2(stackDir, path), "utf8"));
  } catch (e) {
    return e.code === "ENOENT" ? /* @__PURE__ */ new Set() : void 0;
  }
  if (!isObject(state) || !Array.isArray(state.resources)) return void 0;
  const addresses = /* @__PURE__ */ new Set();
  for (const r of state.resources) {
    if (!isObject(r) || r.mode !== "managed" || !Array.isArray(r.instances) || r.instances.length === 0) continue;
    if (r.module === void 0) addresses.add(`${String(r.type)}.${String(r.name)}`);
  }
  return addresses;
}
function totpKitAction(exec) {
  const interpreter = exec.interpreter;
  if (!Array.isArray(interpreter) || interpreter[0] !== "node" || interpreter[1] !== "-e") return void 0;
  if (typeof exec.command !== "string") return void 0;
  try {
    const argv = JSON.parse(exec.command);
    return Array.isArray(argv) && (argv[1] === "apply" || argv[1] === "destroy") ? argv[1] : void 0;
  } catch {
    return void 0;
  }
}
function localExecs(resource) {
  const provisioners = Array.isArray(resource.provisioner) ? resource.provisioner : [resource.provisioner];
  return provisioners.filter(isObject).flatMap((p) => Array.isArray(p["local-exec"]) ? p["local-exec"] : [p["local-exec"]]).filter(isObject);
}
function stackResources(doc, stackDir, label2 = "--stack") {
  const found = [];
  const blocks = isObject(doc) && isObject(doc.resource) ? doc.resource : {};
  for (const type of RESOURCE_TYPES) {
    const ofType = blocks[type];
    if (!isObject(ofType)) continue;
    for (const [name, resource] of Object.entries(ofType)) {
      if (!isObject(resource)) continue;
      const execs = localExecs(resource).filter((e) => totpKitAction(e) !== void 0);
      if (!execs.some((e) => totpKitAction(e) === "apply")) continue;
      found.push(stackResource(`${type}.${name}`, TRIGGERS_ATTRIBUTE[type], resource, execs, stackDir));
    }
  }
  if (found.length === 0) {
    throw badInput(
      label2,
      "has no totp-kit resources",
      "a stack with totp-kit's TotpKey, TotpMfaMethod or TotpEnrollment"
    );
  }
  return found;
}
function stackResource(address, triggersName, resource, execs, stackDir) {
  const malformed = (setting, problem, allowed) => badInput(`${address}: ${setting}`, problem, allowed, "E_STACK");
  const triggers = resource[triggersName];
  if (!isObject(triggers)) {
    throw malformed(
      triggersName,
      "is missing",
      "the triggers the totp-kit constructs write; synthesize the stack again"
    );
  }
  const where = (field) => `${triggersName}.${field}`;
  let declaration = triggers.declaration;
  if (typeof declaration === "string") {
    try {
      declaration = JSON.parse(terraformUnescape(declaration));
    } catch {
      throw malformed(where("declaration"), "is not valid JSON", "one JSON declaration");
    }
  } else if (isObject(declaration)) {
    declaration = mapStrings(declaration, terraformUnescape);
  } else {
    throw malformed(where("declaration"), "is missing", "the declaration the totp-kit constructs write");
  }
  const problems = declarationProblems(declaration);
  if (problems.length > 0) throw badSettings(problems, (setting) => `${address}: ${setting}`);
  if (typeof triggers.store !== "string") {
    throw malformed(where("store"), "is missing", "a store reference: file:PATH or aws-sm:PREFIX");
  }
  const ref = resolveStoreRef(terraformUnescape(triggers.store), {}, `${address}: ${where("store")}`);
  const workingDir = execs.map((e) => e.working_dir).find((d) => typeof d === "string");
  const project = resolve2(stackDir, workingDir ?? ".");
  const store = ref.kind === "file" && !isAbsolute(ref.path) ? `file:${resolve2(project, ref.path)}` : ref.reference;
  const region = triggers.aws_region;
  if (region !== void 0 && typeof region !== "string") {
    throw malformed(where("aws_region"), "is not a region name", "a region name such as eu-west-1");
  }
  const meta = isObject(resource["//"]) && isObject(resource["//"].metadata) ? resource["//"].metadata : {};
  const path = typeof meta.path === "string" ? meta.path.replace(/\/Resource$/, "") : void 0;
  return {
    address,
    ...path !== void 0 ? { path } : {},
    declaration,
    store,
    ...region !== void 0 && region !== "" ? { region: terraformUnescape(region) } : {}
  };
}
async function planStack(stack, resources, open, applied) {
  const stores = /* @__PURE__ */ new Map();
  const planned = [];
  for (const r of resources) {
    const region = r.store.startsWith("aws-sm:") ? r.region : void 0;
    const key = JSON.stringify([r.store, region ?? null]);
    let ctx = stores.get(key);
    if (!ctx) {
      ctx = open(r.store, region);
      stores.set(key, ctx);
    }
    const plan = await planDeclaration(await ctx, r.declaration);
    planned.push({
      address: r.address,
      ...r.path !== void 0 ? { path: r.path } : {},
      ...plan,
      ...applied !== void 0 ? { applied: applied.has(r.address) } : {}
    });
  }
  return { stack, drifted: planned.some((p) => p.action !== "no-op"), resources: planned };
}
function stackPlanText(plan, folder = plan.stack) {
  const lines = [];
  for (const r of plan.resources) {
    lines.push(`${r.address}${r.path !== void 0 ? ` (${r.path})` : ""}: ${r.resource}: ${r.action}`);
    lines.push(...r.reasons.map((reason2) => `  ${reason2}`));
  }
  const changing = plan.resources.filter((r) => r.action !== "no-op");
  if (changing.length === 0) {
    lines.push("No drift: the store holds what the stack declares.");
    return lines;
  }
  const total = plan.resources.length;
  const of = (n) => `${n} of ${total} resource${total === 1 ? "" : "s"}`;
  const fresh = changing.filter((r) => r.applied === false);
  const drifted = changing.filter((r) => r.applied !== false);
  if (fresh.length > 0) {
    lines.push(
      `${of(fresh.length)} ${fresh.length === 1 ? "is" : "are"} not applied yet: run terraform apply in ${folder}`
    );
  }
  if (drifted.length > 0) {
    lines.push(
      `${of(drifted.length)} would change: run terraform apply ${drifted.map((r) => `-replace=${r.address}`).join(" ")} in ${folder} (Terraform's state cannot see changes made in the store, so a plain terraform apply would not repair them)`
    );
  }
  return lines;
}

// src/cli/store-context.ts
async function storeContext(command, io) {
  return openStoreContext(io, command.optsWithGlobals().store);
}
async function openStoreContext(io, reference, options = {}) {
  const env = options.env ? { ...io.env, ...options.env } : io.env;
  const ref = resolveStoreRef(reference, env, options.label ?? "--store");
  return { store: await openStore(ref, env), now: io.now, env };
}
function wantsJson(command) {
  return command.optsWithGlobals().json === true;
}

// src/cli/commands/declare.ts
var DRIFT = 1;
var WHERE = "one of --declaration JSON, --file PATH, --declaration-env NAME, or standard input";
async function readDeclaration(flags, io) {
  const given2 = ["declaration", "file", "declarationEnv"].filter((f) => flags[f] !== void 0);
  if (given2.length > 1) throw badInput("declaration", "was given more than one way", WHERE);
  let label2;
  let text;
  if (flags.declaration !== void 0) {
    label2 = "--declaration";
    text = flags.declaration;
  } else if (flags.file !== void 0) {
    label2 = `--file ${flags.file}`;
    text = await readSmallFile(flags.file, "--file", "one JSON declaration");
  } else if (flags.declarationEnv !== void 0) {
    if (looksLikeSeed(flags.declarationEnv)) {
      throw badInput(
        "--declaration-env",
        "is followed by what looks like a seed, not a variable name (not printed)",
        "the name of an environment variable holding one JSON declaration"
      );
    }
    label2 = `environment variable ${flags.declarationEnv}`;
    const value = io.env[flags.declarationEnv];
    if (value === void 0 || value.trim() === "") throw badInput(label2, "is not set", "one JSON declaration");
    text = value;
  } else {
    if (process.stdin.isTTY) throw badInput("declaration", "none given", WHERE);
    label2 = "standard input";
    text = await readSmallStdin("standard input");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badInput(label2, "is not valid JSON", 'one JSON object: {"kind": "key" | "method" | "enrollment", \u2026}');
  }
}
async function planStackCommand(flags, command, io, result) {
  const stack = flags.stack;
  const other = ["declaration", "file", "declarationEnv"].find((f) => flags[f] !== void 0);
  if (other !== void 0) {
    const option = `--${other.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw badInput("--stack", `cannot be combined with ${option}`, `--stack DIR alone, or one declaration: ${WHERE}`);
  }
  if (command.optsWithGlobals().store !== void 0) {
    throw badInput("--stack", "cannot be combined with --store", "--stack DIR alone: each resource names its store");
  }
  const { folder, resources, applied } = await readStack(stack);
  const plan = await planStack(
    stack,
    resources,
    (store, region) => openStoreContext(io, store, { label: "store", ...region !== void 0 ? { env: { AWS_REGION: region } } : {} }),
    applied
  );
  emit(io, wantsJson(command), plan, stackPlanText(plan, folder));
  result(plan.drifted ? DRIFT : 0);
}
function declarationCommand(program2, name, description) {
  return program2.command(name).description(description).option("--declaration <json>", "the declaration as JSON (without it: --file, --declaration-env or standard input)").option("--file <path>", "read the declaration from a file").option("--declaration-env <name>", "read the declaration from this environment variable");
}
function registerDeclarations(program2, io, result) {
  declarationCommand(
    program2,
    "plan",
    "say what apply would do: create, no-op, update in place, or replace (new seed); with --stack, for every resource of a synthesized CDKTF stack"
  ).option(
    "--stack <dir>",
    "plan every totp-kit resource of a synthesized CDKTF stack (cdktf.out/stacks/NAME, or its .tf.json file), each against the store it names"
  ).addHelpText(
    "after",
    [
      "",
      "With --stack: one line per resource (ADDRESS (PATH): RESOURCE: ACTION, reasons indented), then what to",
      "do; exit 0 when nothing would change, 1 when something would (drift Terraform cannot see: fix it",
      "with terraform apply -replace=ADDRESS in the stack folder), 2 for a bad stack, 3 for a store failure.",
      "Relative store paths are relative to the project folder the provisioners run in, as at apply."
    ].join("\n")
  ).action(async (flags, command) => {
    if (flags.stack !== void 0) {
      await planStackCommand(flags, command, io, result);
      return;
    }
    const plan = await planDeclaration(await storeContext(command, io), await readDeclaration(flags, io));
    emit(io, wantsJson(command), plan, [`${plan.resource}: ${plan.action}`, ...plan.reasons.map((r) => `  ${r}`)]);
    result();
  });
  declarationCommand(program2, "apply", "create, update or replace what the declaration says").option("--generation <id>", "record this generation id (the provisioner passes its resource id)").action(async (flags, command) => {
    const options = flags.generation !== void 0 ? { generation: flags.generation } : {};
    const applied = await applyDeclaration(
      await storeContext(command, io),
      await readDeclaration(flags, io),
      options
    );
    printWarnings(applied.warnings, io);
    emit(io, wantsJson(command), applied, [
      `${applied.resource}: ${applied.action === "no-op" ? "up to date" : `${applied.action}d`} (generation ${applied.generation})`,
      ...applied.reasons.map((r) => `  ${r}`),
      ...applied.qrCodeFile ? [`  barcode written to ${applied.qrCodeFile}`] : []
    ]);
    result();
  });
  declarationCommand(
    program2,
    "destroy",
    "delete what the declaration names (only the given generation, with --generation)"
  ).option("--generation <id>", "delete only this generation: a replacement made since is kept").action(async (flags, command) => {
    const options = flags.generation !== void 0 ? { generation: flags.generation } : {};
    const outcome = await destroyDeclaration(
      await storeContext(command, io),
      await readDeclaration(flags, io),
      options
    );
    const text = outcome.deleted ? `${outcome.resource}: deleted` : `${outcome.resource}: kept${outcome.kept ? `, ${outcome.kept}` : " (not there)"}`;
    emit(io, wantsJson(command), outcome, text);
    result();
  });
}

// src/cli/commands/demo.ts
var DEMO_KEY = "demo";
var DEMO_GENERATION = "totp-kit-demo-";
var DEMO_LABELS = { issuer: "totp-kit", accountName: "demo" };
function isDemoKey(record) {
  return record.generated && record.exported && record.importFrom === void 0 && record.issuer === DEMO_LABELS.issuer && record.accountName === DEMO_LABELS.accountName && record.generation.startsWith(DEMO_GENERATION);
}
function notDemoKey(ctx) {
  return new TotpKitError(
    "bad-input",
    "E_NOT_DEMO_KEY",
    `demo: key "${DEMO_KEY}" in store ${ctx.store.reference} was not created by totp-kit demo (or is not exported), so its barcode is not shown; run the demo on another store: totp-kit demo --store file:PATH`
  );
}
async function demoKey(ctx) {
  const existing = await findKey(ctx, DEMO_KEY);
  if (existing) {
    if (!isDemoKey(existing)) throw notDemoKey(ctx);
    return { key: openKey(ctx, existing), created: false };
  }
  const spec = checkedKeySpec({ name: DEMO_KEY, generate: { ...DEMO_LABELS } });
  try {
    await createKey(ctx, spec, { generation: `${DEMO_GENERATION}${newGeneration()}` });
  } catch (e) {
    if (!(e instanceof TotpKitError && e.code === "E_EXISTS")) throw e;
  }
  const record = await findKey(ctx, DEMO_KEY);
  if (!record)
    throw new TotpKitError(
      "backend",
      "E_STORE_LOST",
      `store ${ctx.store.reference}: the demo key vanished after it was created`
    );
  if (!isDemoKey(record)) throw notDemoKey(ctx);
  return { key: openKey(ctx, record), created: true };
}
function groupCode(code) {
  const half = code.length / 2;
  return `${code.slice(0, half)} ${code.slice(half)}`;
}
function registerDemo(program2, io, result) {
  program2.command("demo").description("create (or reuse) a demo key in the embedded store and show its QR code and current code").option(AT_FLAGS, atHelp("show the code at this time instead of now")).option("--watch", "keep showing the code as it changes, until interrupted").action(async (flags, command) => {
    const globals = command.optsWithGlobals();
    const fixed = flags.at !== void 0 ? parseAt(flags.at) : void 0;
    const ref = resolveStoreRef(globals.store, io.env, "--store");
    const ctx = { store: await openStore(ref, io.env), now: io.now };
    const { key, created } = await demoKey(ctx);
    const url = formatOtpauthUrl(key);
    io.out(`totp-kit demo: ${created ? "created" : "reusing"} key "${DEMO_KEY}" in ${ref.reference}

`);
    io.out(await qrTerminal(url, io.isTty));
    io.out("\nScan it with an authenticator app (Google Authenticator, 1Password, Authy), then compare codes.\n");
    io.out(
      `  issuer ${key.issuer}   account ${key.accountName}   ${key.algorithm}, ${key.digits} digits, every ${key.period} s

`
    );
    const show = (t) => io.out(`  current code  ${groupCode(generateCode(key, t))}   (${remainingSeconds(t, key.period)} s left)
`);
    show(fixed ?? io.now());
    if (flags.watch && fixed === void 0) {
      for (; ; ) {
        const t = io.now();
        await new Promise((r) => setTimeout(r, (remainingSeconds(t, key.period) - t % 1) * 1e3 + 50));
        show(io.now());
      }
    }
    io.out(
      "\nNext: npx totp-kit code --from env:NAME prints a code for a seed of yours; npx totp-kit --help lists all\ncommands (without npx once installed with npm install --global totp-kit).\n"
    );
    result();
  });
}

// src/cli/commands/exec.ts
import { basename } from "node:path";

// src/cli/run-command.ts
import { constants } from "node:os";
var OUTPUT_TAIL = 64 * 1024;
var OUTPUT_GRACE_MS = 2e3;
var FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"];
async function runCommand(command, args, env, io) {
  const { default: spawn } = await import("./chunks/cross-spawn-R5S4VSJA.js");
  return new Promise((resolve3) => {
    let tail = "";
    const decoders = { out: new TextDecoder(), err: new TextDecoder() };
    const gone = { out: false, err: false };
    const keep = (stream, chunk) => {
      const text = decoders[stream].decode(chunk, { stream: true });
      tail = (tail + text).slice(-OUTPUT_TAIL);
      if (gone[stream]) return;
      try {
        if (io.write) io.write(stream, chunk);
        else if (stream === "out") io.out(text);
        else io.err(text);
      } catch (e) {
        if (!isBrokenPipe(e)) throw e;
        gone[stream] = true;
      }
    };
    let child;
    try {
      child = spawn(command, [...args], { env, stdio: ["inherit", "pipe", "pipe"], windowsHide: true });
    } catch (e) {
      resolve3({ exitCode: 126, startError: e.code ?? "cannot be started", tail });
      return;
    }
    const forward = (signal) => child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, forward);
    let settled = false;
    const done = (outcome) => {
      if (settled) return;
      settled = true;
      for (const signal of FORWARDED) process.off(signal, forward);
      resolve3(outcome);
    };
    child.stdout?.on("data", (chunk) => keep("out", chunk));
    child.stderr?.on("data", (chunk) => keep("err", chunk));
    child.on("error", (e) => {
      const notFound2 = e.code === "ENOENT";
      done({
        exitCode: notFound2 ? 127 : 126,
        startError: notFound2 ? "command not found" : `cannot be started (${e.code ?? "unknown error"})`,
        tail
      });
    });
    const ended = (code, signal) => {
      if (signal) {
        const number = constants.signals[signal] ?? 0;
        done({ exitCode: 128 + number, signal, tail });
      } else {
        done({ exitCode: code ?? 1, tail });
      }
    };
    child.on("close", ended);
    child.on("exit", (code, signal) => {
      const timer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        ended(code, signal);
      }, OUTPUT_GRACE_MS);
      timer.unref();
    });
  });
}

// src/cli/commands/exec.ts
var EXEC_MIN_REMAINING = 5;
var MAX_RETRIES = 10;
var CODE_PLACEHOLDER = "{code}";
function registerExec(program2, io, result, argv) {
  addClockOptions(
    addSeedOptions(
      program2.command("exec").description(
        "run a command with a fresh code: {code} in its arguments and TOTP_CODE in its environment; retry with a new code when it fails"
      ).usage("[options] -- <command> [args...]").argument("<command...>", "the command and its arguments, after --")
    )
  ).option(
    "--min-remaining <seconds>",
    withDefault(
      "if the code expires sooner than this, wait for the next one",
      EXEC_MIN_REMAINING,
      "or the period - 1 when shorter"
    )
  ).option(
    "--retries <n>",
    `run the command again up to N times with a new code when it fails, 0 to ${MAX_RETRIES}`,
    "0"
  ).option(
    "--retry-on <regex>",
    `retry only when the failed command's output matches this regular expression (case-insensitive), e.g. "EOTP|one-time password"`
  ).option("--lease", "use only time steps no other caller got for this key (recorded in the store)").allowUnknownOption().allowExcessArguments().addHelpText(
    "after",
    [
      "",
      "The command runs without a shell (so no quoting surprises, on Windows too); its output is passed",
      "through as it comes and its exit code becomes totp-kit's. A retry always uses a code of a later",
      "time step than any code already used. The seed's variable (--from env:NAME) is removed from the",
      "command's environment. In GitHub Actions the code is masked in the log.",
      "",
      "Examples:",
      '  totp-kit exec --from env:NPM_TOTP --retries 2 --retry-on "EOTP|one-time password" -- npm publish --otp {code}',
      '  totp-kit exec --from aws-sm:ci/steam --encoder steam -- steamcmd +login builder "$PASS" {code} +quit'
    ].join("\n")
  ).action(async (commandLine, flags, command) => {
    result(await execute(commandLine, flags, io, command.optsWithGlobals().store, argv));
  });
}
function execProblems(flags, argv) {
  const problems = [];
  if (!argv.includes("--")) {
    problems.push({
      setting: "command",
      problem: "must come after -- (so its own options are not read as totp-kit's)",
      allowed: "totp-kit exec [options] -- CMD ARGS\u2026"
    });
  }
  if (flags.minRemaining !== void 0) {
    const problem = minRemainingProblem(flags.minRemaining);
    if (problem) problems.push(problem);
  }
  const retries = parseWholeNumber(flags.retries ?? "0");
  if (retries === void 0 || retries > MAX_RETRIES) {
    problems.push({
      setting: "--retries",
      problem: `${quote(flags.retries)} ${retries === void 0 ? "is not a whole number" : "is too many"}`,
      allowed: `0 to ${MAX_RETRIES}`
    });
  }
  if (flags.retryOn !== void 0) {
    try {
      new RegExp(flags.retryOn, "i");
    } catch {
      problems.push({
        setting: "--retry-on",
        problem: `${quote(flags.retryOn)} is not a valid regular expression`,
        allowed: 'a JavaScript regular expression, e.g. "EOTP|one-time password"'
      });
    }
  }
  problems.push(...clockProblems(flags));
  return problems;
}
function commandName(program2) {
  const name = basename(program2.replaceAll("\\", "/"));
  return isSafeToPrint(name, "name") ? JSON.stringify(name) : "the command";
}
function childEnv(io, flags, code) {
  const env = { ...io.env, TOTP_CODE: code };
  const seedVariable = flags.from?.trim().match(/^env:([^#]+)/)?.[1];
  if (seedVariable !== void 0) delete env[seedVariable];
  return env;
}
async function execute(commandLine, flags, io, store, argv) {
  const problems = execProblems(flags, argv);
  const { key, warnings } = await loadKeyFromFlags(flags, io, { problems, ...store !== void 0 ? { store } : {} });
  const [program2, ...args] = commandLine;
  if (program2 === void 0 || program2 === "")
    throw badInput("command", "is empty", "totp-kit exec [options] -- CMD ARGS\u2026");
  const minRemaining = flags.minRemaining !== void 0 ? parseWholeNumber(flags.minRemaining) : Math.min(EXEC_MIN_REMAINING, key.period - 1);
  const name = commandName(program2);
  const retries = parseWholeNumber(flags.retries ?? "0");
  const retryOn = flags.retryOn !== void 0 ? new RegExp(flags.retryOn, "i") : void 0;
  assertMinRemaining(minRemaining, key.period, "--min-remaining");
  printWarnings(warnings, io);
  const clock = await chooseClock(flags, key, io);
  const lease = flags.lease === true ? await leaseStore(store, io) : void 0;
  const attempts = retries + 1;
  let usedStep;
  for (let attempt = 1; ; attempt++) {
    const issued = await freshCode(key, {
      minRemaining,
      minRemainingLabel: "--min-remaining",
      offset: clock.offset,
      ...usedStep !== void 0 ? { afterStep: usedStep } : {},
      ...lease ? { lease, leaseLabel: "--lease" } : {},
      now: io.now,
      ...io.sleep ? { wait: io.sleep } : {},
      onWait: (message) => io.err(`totp-kit: ${message}
`)
    });
    usedStep = issued.step;
    maskInActions(issued.code, io);
    const outcome = await runCommand(
      program2,
      args.map((arg) => arg.replaceAll(CODE_PLACEHOLDER, issued.code)),
      childEnv(io, flags, issued.code),
      io
    );
    if (outcome.startError !== void 0) {
      io.err(`totp-kit: exec: ${name}: ${outcome.startError}
`);
      return outcome.exitCode;
    }
    if (outcome.exitCode === 0) return 0;
    const ended = outcome.signal ? `was ended by ${outcome.signal}` : `exited with ${outcome.exitCode}`;
    if (outcome.signal === "SIGINT" || attempt >= attempts) {
      if (attempts > 1) io.err(`totp-kit: exec: ${name} ${ended} (attempt ${attempt} of ${attempts})
`);
      return outcome.exitCode;
    }
    if (retryOn && !retryOn.test(outcome.tail)) {
      io.err(`totp-kit: exec: ${name} ${ended}; its output does not match --retry-on, so no retry
`);
      return outcome.exitCode;
    }
    io.err(
      `totp-kit: exec: ${name} ${ended}${retryOn ? " and its output matches --retry-on" : ""}; retrying with a new code (attempt ${attempt + 1} of ${attempts})
`
    );
  }
}

// src/cli/secret-output.ts
var LOST = {
  key: { noun: "key", outcome: "nothing was created", allowed: "--qr FILE.png, --url-file FILE or --no-export" },
  enrollment: { noun: "enrollment", outcome: "nobody was enrolled", allowed: "--qr FILE.png or --url-file FILE" }
};
function handoutTo(of, asked, where) {
  const { noun, outcome, allowed } = LOST[of];
  if (asked.urlFile !== void 0) return "files";
  if (asked.qr !== void 0) {
    if (where.qrSize !== 0) return "files";
    throw badInput(
      "--qr",
      `no barcode is made with --qr-size 0, so the new ${noun} could never be enrolled; ${outcome}`,
      "--url-file FILE as well, or a --qr-size above 0"
    );
  }
  if (where.json) {
    throw badInput(
      "--json",
      `no barcode is drawn into JSON output, so the new ${noun}'s barcode and URL would be lost; ${outcome}`,
      allowed
    );
  }
  if (!where.isTty) {
    throw badInput(
      "--qr/--url-file",
      `neither given and standard output is not a terminal, so the new ${noun}'s barcode and URL would be lost; ${outcome}`,
      allowed
    );
  }
  if (where.qrSize === 0) {
    throw badInput(
      "--qr-size",
      `0 draws no barcode and the URL is never printed, so the new ${noun} could never be enrolled; ${outcome}`,
      "--url-file FILE, or a --qr-size above 0"
    );
  }
  return "terminal";
}
async function drawOnce(url, io) {
  io.out(`
${await qrTerminal(url, io.isTty)}
`);
  io.out("Scan it now with an authenticator app: it holds the seed and is not shown again.\n");
}
async function saveOnce(handed, asked, warnings) {
  const qrFile2 = asked.qr !== void 0 && handed.barcode ? await writeSecretFile(asked.qr, handed.barcode, "barcode file") : void 0;
  const urlFile = asked.urlFile !== void 0 && handed.url ? await writeSecretFile(asked.urlFile, `${handed.url}
`, "URL file") : void 0;
  if (handed.url === void 0) {
    if (asked.qr !== void 0 || asked.urlFile !== void 0) {
      warnings.push(
        "nothing written to --qr/--url-file: there is no new secret to hand out (an imported or unexported key, or an existing enrollment)"
      );
    }
  } else if (asked.qr !== void 0 && !handed.barcode) {
    warnings.push(
      `no barcode written to ${asked.qr}: qrSize is 0${urlFile ? "" : "; the URL can be saved with --url-file FILE"}`
    );
  } else if (qrFile2 === void 0 && urlFile === void 0) {
    warnings.push("the barcode and URL were not saved and cannot be shown again: use --qr FILE.png or --url-file FILE");
  }
  return { ...qrFile2 ? { qrFile: qrFile2 } : {}, ...urlFile ? { urlFile } : {} };
}

// src/cli/commands/key.ts
var FROM_URL = "or the imported URL's";
var HANDOUT_HELP = "A generated key's barcode and otpauth URL hold its seed and are handed out once: written to --qr / --url-file,\nelse drawn on the terminal. Without a terminal, or with --json, one of --qr, --url-file or --no-export is\nrequired: otherwise nothing is created.";
function registerKey(program2, io, result) {
  const key = program2.command("key").description("TOTP keys kept in the store (like Vault's TOTP engine)");
  key.command("create <name>").description(
    "generate a key (--generate) or import one from a source (--from); a generated key's barcode is handed out only here"
  ).option("--generate", "generate a new seed (needs --issuer and --account)").option("--from <source>", "import the seed from env:NAME, file:PATH or store:NAME (read once, kept in the store)").option("--issuer <issuer>", `issuer shown by authenticator apps (no ":"; for --from, the URL's unless given)`).option(
    "--account <account>",
    `account name shown by authenticator apps (no ":"; for --from, the URL's unless given)`
  ).option(
    "--key-size <bytes>",
    withDefault(`seed size of a generated key, ${LIMITS.minKeySize} to ${LIMITS.maxKeySize}`, DEFAULTS.keySize)
  ).option("--algorithm <name>", withDefault("SHA1, SHA256 or SHA512", DEFAULTS.algorithm, FROM_URL)).option("--digits <n>", withDefault("6 or 8", DEFAULTS.digits, FROM_URL)).option("--period <seconds>", withDefault("time step in seconds", DEFAULTS.period, FROM_URL)).option("--skew <steps>", withDefault("steps accepted either side when verifying: 0 or 1", DEFAULTS.skew)).option("--qr-size <pixels>", withDefault("barcode size, 0 for none", DEFAULTS.qrSize)).option(
    "--encoder <name>",
    withDefault(`${ENCODER_HELP}, for imported keys`, "totp", "or steam for a Steam .maFile or URL")
  ).option("--no-export", "never hand out the URL or barcode (codes come from `key code` only)").option("--qr <file.png>", "write the barcode of a generated key to this file (mode 0600) instead of the terminal").option("--url-file <file>", "write the otpauth URL of a generated key to this file (mode 0600)").addHelpText("after", `
${HANDOUT_HELP}`).action(async (name, flags, command) => {
    if (flags.generate && flags.from !== void 0) {
      throw badInput("--generate", "and --from were both given", "exactly one of --generate and --from SOURCE");
    }
    const spec = checkedKeySpec(
      {
        name,
        ...flags.generate ? { generate: { issuer: flags.issuer, accountName: flags.account, keySize: flags.keySize } } : {},
        ...flags.from !== void 0 ? { importFrom: flags.from } : {},
        ...!flags.generate ? { issuer: flags.issuer, accountName: flags.account } : {},
        algorithm: flags.algorithm,
        digits: flags.digits,
        period: flags.period,
        skew: flags.skew,
        qrSize: flags.qrSize,
        exported: flags.export,
        ...flags.encoder !== void 0 ? { encoder: flags.encoder } : {}
      },
      (setting) => setting === "generate" ? "--generate" : setting === "importFrom" ? "--from" : setting === "name" ? "NAME" : flagOf(setting)
    );
    const json = wantsJson(command);
    const handout = spec.generated && spec.exported ? handoutTo("key", flags, { json, isTty: io.isTty, qrSize: spec.settings.qrSize }) : "files";
    const ctx = await storeContext(command, io);
    const created = await createKey(ctx, spec);
    const warnings = [...created.warnings];
    const { qrFile: qrFile2, urlFile } = handout === "terminal" ? {} : await saveOnce(created, { qr: flags.qr, urlFile: flags.urlFile }, warnings);
    printWarnings(warnings, io);
    const k = created.key;
    emit(io, json, { ...k, ...qrFile2 ? { qrFile: qrFile2 } : {}, ...urlFile ? { urlFile } : {} }, [
      `created key "${k.name}" (${k.generated ? "generated" : `imported from ${k.importFrom}`}; ${describeCodes(k)})`,
      ...qrFile2 ? [`barcode written to ${qrFile2}`] : [],
      ...urlFile ? [`otpauth URL written to ${urlFile}`] : []
    ]);
    if (handout === "terminal" && created.url !== void 0) await drawOnce(created.url, io);
    result();
  });
  key.command("get <name>").description("show a key (never its seed)").action(async (name, _flags, command) => {
    checkName("NAME", name);
    const info = await readKey(await storeContext(command, io), name);
    emitRecord(io, wantsJson(command), info);
    result();
  });
  key.command("list").description("list key names").action(async (_flags, command) => {
    const names = await listKeys(await storeContext(command, io));
    emit(io, wantsJson(command), { keys: names }, names.length > 0 ? names : []);
    result();
  });
  key.command("delete <name>").description("delete a key (succeeds when there is none)").option("--generation <id>", "delete only this generation of the key").action(async (name, flags, command) => {
    checkName("NAME", name);
    const outcome = await deleteKey(await storeContext(command, io), name, flags.generation);
    emit(
      io,
      wantsJson(command),
      { name, ...outcome },
      outcome.deleted ? `deleted key "${name}"` : `key "${name}" was not there (nothing to delete)`
    );
    result();
  });
  key.command("code <name>").description("print the current code of a key in the store").option(AT_FLAGS, atHelp("compute the code at this time instead of now")).option("--min-remaining <seconds>", "if the code expires sooner than this, wait for the next one", "0").action(async (name, flags, command) => {
    checkName("NAME", name);
    const globals = command.optsWithGlobals();
    const record = await findKey(await storeContext(command, io), name);
    await printCode(
      { ...flags, from: `store:${name}`, ...record?.encoder !== void 0 ? { encoder: record.encoder } : {} },
      io,
      globals.json === true,
      globals.store
    );
    result();
  });
  key.command("verify <name>").description("check a code with replay protection: a code presented before is refused (exit 0 valid, 1 not)").requiredOption("--code <code>", "the code to check (spaces are ignored)").option(AT_FLAGS, atHelp("check at this time instead of now")).action(async (name, flags, command) => {
    checkName("NAME", name);
    const at = flags.at !== void 0 ? parseAt(flags.at) : void 0;
    const outcome = await validateKey(await storeContext(command, io), name, flags.code, at);
    if (wantsJson(command)) io.out(`${JSON.stringify(outcome)}
`);
    else {
      io.out(outcome.valid ? "valid\n" : "invalid\n");
      if (outcome.reason) io.err(`totp-kit: ${refusalMessage(outcome)}
`);
    }
    result(outcome.valid ? 0 : 1);
  });
}

// src/cli/commands/method.ts
function addSettings(command, mode) {
  const create = mode === "create";
  const stated = (text, value) => create ? withDefault(text, value) : text;
  const newOnes = create ? "" : ", for enrollments made afterwards";
  const everyOne = create ? "" : ", for every enrollment at once";
  return command.option("--issuer <issuer>", `issuer shown by authenticator apps (no ":")${create ? "; required" : newOnes}`).option("--algorithm <name>", stated(`SHA1, SHA256 or SHA512${newOnes}`, DEFAULTS.algorithm)).option("--digits <n>", stated(`6 or 8${newOnes}`, DEFAULTS.digits)).option("--period <seconds>", stated(`time step${newOnes}`, DEFAULTS.period)).option(
    "--key-size <bytes>",
    stated(`seed size of new enrollments, ${LIMITS.minKeySize} to ${LIMITS.maxKeySize}`, DEFAULTS.keySize)
  ).option("--qr-size <pixels>", stated("barcode size of new enrollments, 0 for none", DEFAULTS.qrSize)).option("--skew <steps>", stated(`steps accepted either side: 0 or 1${everyOne}`, DEFAULTS.skew)).option(
    "--max-validation-attempts <n>",
    stated(`failed attempts allowed per period before a lockout${everyOne}`, DEFAULTS.maxValidationAttempts)
  );
}
function given(flags) {
  return Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== void 0));
}
var label = (setting) => setting === "methodName" ? "NAME" : flagOf(setting);
var HANDOUT_HELP2 = "A new enrollment's barcode and otpauth URL hold its seed and are handed out once: written to --qr / --url-file,\nelse drawn on the terminal. Without a terminal, or with --json, --qr or --url-file is required: otherwise\nnobody is enrolled.";
function registerMethod(program2, io, result) {
  const method = program2.command("method").description("MFA methods and their enrollments (like Vault's identity MFA TOTP)");
  addSettings(method.command("create <name>").description("create an MFA method (names are unique)"), "create").action(
    async (name, flags, command) => {
      const spec = checkedMethodSpec({ methodName: name, ...given(flags), issuer: flags.issuer }, label);
      const record = await createMethod(await storeContext(command, io), spec);
      emit(
        io,
        wantsJson(command),
        record,
        `created MFA method "${name}" (${record.algorithm}, ${record.digits} digits, ${record.period} s)`
      );
      result();
    }
  );
  addSettings(
    method.command("update <name>").description(
      "change only the settings given; existing enrollments keep their issuer, algorithm, digits and period"
    ),
    "update"
  ).action(async (name, flags, command) => {
    checkName("NAME", name);
    const ctx = await storeContext(command, io);
    const current = await findMethod(ctx, name);
    if (!current) throw notFound(`MFA method "${name}"`);
    const spec = checkedMethodSpec({ ...current, ...given(flags), methodName: name }, label);
    const record = await updateMethod(ctx, spec);
    emit(io, wantsJson(command), record, `updated MFA method "${name}"`);
    result();
  });
  method.command("get <name>").description("show an MFA method and how many entities are enrolled").action(async (name, _flags, command) => {
    checkName("NAME", name);
    const info = await readMethod(await storeContext(command, io), name);
    emitRecord(io, wantsJson(command), info);
    result();
  });
  method.command("list").description("list MFA method names").action(async (_flags, command) => {
    const names = await listMethods(await storeContext(command, io));
    emit(io, wantsJson(command), { methods: names }, names);
    result();
  });
  method.command("delete <name>").description("delete an MFA method (refused while entities are enrolled, unless --force)").option("--force", "also delete its enrollments").action(async (name, flags, command) => {
    checkName("NAME", name);
    const outcome = await deleteMethod(await storeContext(command, io), name, { force: flags.force === true });
    const text = outcome.deleted ? `deleted MFA method "${name}"${outcome.enrollmentsDeleted > 0 ? ` and ${outcome.enrollmentsDeleted} enrollment${outcome.enrollmentsDeleted === 1 ? "" : "s"}` : ""}` : `MFA method "${name}" was not there (nothing to delete)`;
    emit(io, wantsJson(command), { name, ...outcome }, text);
    result();
  });
  method.command("enroll <method>").description("give an entity a secret for the method; its barcode is handed out only here").requiredOption("--entity <id>", "the entity (user, bot) to enroll").option("--qr <file.png>", "write the barcode to this file (mode 0600) instead of the terminal").option("--url-file <file>", "write the otpauth URL to this file (mode 0600)").addHelpText("after", `
${HANDOUT_HELP2}`).action(async (name, flags, command) => {
    checkName("METHOD", name);
    const json = wantsJson(command);
    const handout = handoutTo("enrollment", flags, { json, isTty: io.isTty });
    const ctx = await storeContext(command, io);
    const found = await findMethod(ctx, name);
    if (!found) throw notFound(`MFA method "${name}"`);
    if (found.qrSize === 0 && flags.urlFile === void 0) {
      throw badInput(
        flags.qr !== void 0 ? "--qr" : `MFA method "${name}"`,
        "its qrSize is 0, so no barcode is made and the URL is never printed: the new enrollment could never be used; nobody was enrolled",
        "--url-file FILE"
      );
    }
    const enrolled = await enroll(ctx, name, flags.entity);
    const warnings = enrolled.warning ? [enrolled.warning] : [];
    const { qrFile: qrFile2, urlFile } = handout === "terminal" ? {} : await saveOnce(enrolled, { qr: flags.qr, urlFile: flags.urlFile }, warnings);
    printWarnings(warnings, io);
    const text = enrolled.created ? [
      `enrolled "${flags.entity}" in MFA method "${name}"`,
      ...qrFile2 ? [`barcode written to ${qrFile2}`] : [],
      ...urlFile ? [`otpauth URL written to ${urlFile}`] : []
    ] : [`"${flags.entity}" was already enrolled in MFA method "${name}"; kept`];
    emit(
      io,
      json,
      {
        created: enrolled.created,
        ...enrolled.enrollment,
        ...qrFile2 ? { qrFile: qrFile2 } : {},
        ...urlFile ? { urlFile } : {}
      },
      text
    );
    if (handout === "terminal" && enrolled.url !== void 0) await drawOnce(enrolled.url, io);
    result();
  });
  method.command("enrollment <method>").description("show an entity's enrollment (never its seed)").requiredOption("--entity <id>", "the enrolled entity").action(async (name, flags, command) => {
    checkName("METHOD", name);
    const info = await readEnrollment(await storeContext(command, io), name, flags.entity);
    emitRecord(io, wantsJson(command), info);
    result();
  });
  method.command("unenroll <method>").description("remove an entity's secret (succeeds when there is none)").requiredOption("--entity <id>", "the entity to unenroll").action(async (name, flags, command) => {
    checkName("METHOD", name);
    const outcome = await unenroll(await storeContext(command, io), name, flags.entity);
    const text = outcome.deleted ? `unenrolled "${flags.entity}" from MFA method "${name}"` : `"${flags.entity}" was not enrolled (nothing to do)`;
    emit(io, wantsJson(command), { method: name, entityId: flags.entity, ...outcome }, text);
    result();
  });
  method.command("verify <method>").description("check an entity's code: replays and lockouts refused (exit 0 valid, 1 not)").requiredOption("--entity <id>", "the entity whose code it is").requiredOption("--code <code>", "the code to check (spaces are ignored)").option(AT_FLAGS, atHelp("check at this time instead of now")).action(async (name, flags, command) => {
    checkName("METHOD", name);
    const at = flags.at !== void 0 ? parseAt(flags.at) : void 0;
    const ctx = await storeContext(command, io);
    const outcome = await validateEnrollment(ctx, name, flags.entity, flags.code, at);
    if (wantsJson(command)) io.out(`${JSON.stringify(outcome)}
`);
    else {
      io.out(outcome.valid ? "valid\n" : "invalid\n");
      if (!outcome.valid) {
        const enrollment = await readEnrollment(ctx, name, flags.entity);
        io.err(`totp-kit: ${enrollmentRefusal(outcome, enrollment.digits)}
`);
      }
    }
    result(outcome.valid ? 0 : 1);
  });
}

// src/cli/commands/verify.ts
function registerVerify(program2, io, result) {
  addClockOptions(
    addSeedOptions(program2.command("verify").description("check a code against a key (exit 0 valid, 1 invalid)"))
  ).requiredOption("--code <code>", "the code to check (spaces are ignored)").option("--skew <steps>", withDefault("accept codes this many time steps either side: 0 or 1", DEFAULTS.skew)).option(AT_FLAGS, atHelp("check at this time instead of now")).action(async (flags, command) => {
    const globals = command.optsWithGlobals();
    const json = globals.json === true;
    const store = globals.store;
    const problems = [];
    if (flags.code === void 0 || flags.code.trim() === "") {
      problems.push({ setting: "--code", problem: "is empty", allowed: "the code to check" });
    }
    const atProblem2 = flags.at !== void 0 ? atValueProblem(flags.at) : void 0;
    if (atProblem2) problems.push(atProblem2);
    problems.push(...clockProblems(flags, flags.at));
    const { key, settings, warnings } = await loadKeyFromFlags(flags, io, {
      settings: { skew: flags.skew },
      problems,
      ...store !== void 0 ? { store } : {}
    });
    if (key.remote && (flags.at !== void 0 || flags.skew !== void 0)) {
      throw badInput(
        flags.at !== void 0 ? "--at" : "--skew",
        `cannot be used with ${key.remote.reference}: its backend checks the code with its own clock and skew`,
        "leave it out"
      );
    }
    printWarnings(warnings, io);
    const clock = flags.at !== void 0 ? { offset: 0 } : await chooseClock(flags, key, io);
    const at = flags.at !== void 0 ? parseAt(flags.at) : io.now() + clock.offset;
    const outcome = await verifyWithKey(key, flags.code, { at, skew: settings.skew ?? DEFAULTS.skew });
    if (json) {
      const reason2 = outcome.valid ? {} : { reason: outcome.reason ?? "invalid" };
      const delta = outcome.delta !== void 0 ? { delta: outcome.delta } : {};
      io.out(`${JSON.stringify({ valid: outcome.valid, ...reason2, ...delta })}
`);
    } else {
      io.out(outcome.valid ? "valid\n" : "invalid\n");
      if (outcome.reason === "malformed" || outcome.reason === "used") {
        io.err(`totp-kit: ${refusalMessage(outcome, key.digits)}
`);
      }
    }
    result(outcome.valid ? 0 : 1);
  });
}

// src/cli/completion.ts
var SHELLS = ["bash", "zsh", "fish", "powershell"];
var ARGUMENT_VALUES = { completion: SHELLS };
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim();
}
function completionOption(option, help) {
  return {
    names: [option.short, option.long].filter((name) => name !== void 0),
    takesValue: option.required || option.optional,
    takesPath: /<[\w.]*(?:file|path|dir)[\w.]*>/.test(option.flags),
    description: oneLine(help.optionDescription(option))
  };
}
function completionTree(program2) {
  const help = program2.createHelp();
  const nodes = [];
  const visit = (command, path) => {
    const subcommands = help.visibleCommands(command);
    const seen = /* @__PURE__ */ new Set();
    const options = [...help.visibleOptions(command), ...help.visibleGlobalOptions(command)].filter((option) => {
      if (seen.has(option.flags)) return false;
      seen.add(option.flags);
      return true;
    });
    const own = command.commands.map((c) => c.name());
    nodes.push({
      path,
      commands: subcommands.map((c) => ({ name: c.name(), description: oneLine(help.subcommandDescription(c)) })),
      options: options.map((option) => completionOption(option, help)),
      values: ARGUMENT_VALUES[command.name()] ?? []
    });
    for (const sub of subcommands) {
      if (own.includes(sub.name())) visit(sub, `${path} ${sub.name()}`);
      else nodes.push({ path: `${path} ${sub.name()}`, commands: [], options: [], values: own });
    }
  };
  visit(program2, program2.name());
  return nodes;
}
var words = (list) => list.join(" ");
var optionNames = (node, which) => node.options.filter(which).flatMap((o) => o.names);
var sh = (text) => `'${text.replaceAll("'", `'\\''`)}'`;
function bash(nodes, program2, fn) {
  const table = (name, list) => [
    `${fn}_${name}() {`,
    "  case $1 in",
    ...nodes.filter((n) => list(n).length > 0).map((n) => `    ${sh(n.path)}) echo ${sh(words(list(n)))} ;;`),
    "  esac",
    "}"
  ].join("\n");
  return `# bash completion for ${program2}, made from its commands by \`${program2} completion bash\`.
# Load it with: source <(${program2} completion bash)   (e.g. in ~/.bashrc)
${table("commands", (n) => n.commands.map((c) => c.name))}
${table("options", (n) => optionNames(n, () => true))}
${table("valued", (n) => optionNames(n, (o) => o.takesValue))}
${table("paths", (n) => optionNames(n, (o) => o.takesPath))}
${table("values", (n) => n.values)}
${fn}_files() {
  local IFS=$'\\n'
  compopt -o filenames 2>/dev/null
  COMPREPLY=($(compgen "$@" -- "$cur"))
}
${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} path=${sh(program2)} skip='' word i
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if [[ -n $skip ]]; then skip=''; continue; fi
    if [[ $word == -- ]]; then
      # What follows -- is a command of its own (exec): a program name, then its arguments.
      if ((i == COMP_CWORD - 1)); then ${fn}_files -c; else ${fn}_files -f; fi
      return 0
    fi
    if [[ $word == -* ]]; then
      [[ $word != *=* && " $(${fn}_valued "$path") " == *" $word "* ]] && skip=1
    elif [[ " $(${fn}_commands "$path") " == *" $word "* ]]; then
      path="$path $word"
    fi
  done
  if [[ -n $skip ]]; then
    [[ " $(${fn}_paths "$path") " == *" $prev "* ]] && ${fn}_files -f
    return 0
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(${fn}_options "$path")" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$(${fn}_commands "$path") $(${fn}_values "$path")" -- "$cur"))
  fi
}
complete -F ${fn} ${program2}
`;
}
var described = (name, description) => sh(`${name.replaceAll(":", "\\:")}:${description}`);
function zsh(nodes, program2, fn) {
  const table = (name, list) => [
    `${fn}_${name}() {`,
    "  reply=()",
    "  case $1 in",
    ...nodes.filter((n) => list(n).length > 0).map((n) => `    (${sh(n.path)}) reply=(
      ${list(n).join("\n      ")}
    ) ;;`),
    "  esac",
    "}"
  ].join("\n");
  return `#compdef ${program2}
# zsh completion for ${program2}, made from its commands by \`${program2} completion zsh\`.
# Load it with: source <(${program2} completion zsh)   (after compinit), or save it as ${fn} in a folder of $fpath.
${table("commands", (n) => n.commands.map((c) => described(c.name, c.description)))}
${table("options", (n) => n.options.flatMap((o) => o.names.map((name) => described(name, o.description))))}
${table("valued", (n) => optionNames(n, (o) => o.takesValue).map(sh))}
${table("paths", (n) => optionNames(n, (o) => o.takesPath).map(sh))}
${table("values", (n) => n.values.map(sh))}
${fn}() {
  local cmdpath=${sh(program2)} skip='' word i
  local -a reply names values
  for (( i = 2; i < CURRENT; i++ )); do
    word=\${words[i]}
    if [[ -n $skip ]]; then skip=''; continue; fi
    if [[ $word == -- ]]; then
      # What follows -- is a command of its own (exec): a program name, then its arguments.
      if (( i == CURRENT - 1 )); then _command_names -e; else _files; fi
      return
    fi
    if [[ $word == -* ]]; then
      ${fn}_valued "$cmdpath"
      [[ $word != *=* ]] && (( \${reply[(Ie)$word]} )) && skip=1
    else
      ${fn}_commands "$cmdpath"
      names=(\${reply%%:*})
      (( \${names[(Ie)$word]} )) && cmdpath="$cmdpath $word"
    fi
  done
  if [[ -n $skip ]]; then
    ${fn}_paths "$cmdpath"
    (( \${reply[(Ie)\${words[CURRENT-1]}]} )) && _files
    return
  fi
  if [[ $PREFIX == -* ]]; then
    ${fn}_options "$cmdpath"
    names=("\${reply[@]}")
    _describe -t options option names
  else
    ${fn}_values "$cmdpath"
    values=("\${reply[@]}")
    ${fn}_commands "$cmdpath"
    names=("\${reply[@]}")
    (( $#names )) && _describe -t commands command names
    (( $#values )) && compadd -a values
  fi
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${program2}
fi
`;
}
var fishQuote = (text) => `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
function fish(nodes, program2, fn) {
  const table = (name, list) => [
    `function ${fn}_${name}`,
    "    switch $argv[1]",
    ...nodes.filter((n) => list(n).length > 0).map((n) => `        case ${fishQuote(n.path)}
            printf '%s\\n' ${list(n).join(" ")}`),
    "    end",
    "end"
  ].join("\n");
  const at = (node) => `-n ${fishQuote(`${fn}_at '${node.path}'`)}`;
  const lines = nodes.flatMap((node) => [
    ...node.commands.map((c) => `complete -c ${program2} ${at(node)} -a ${c.name} -d ${fishQuote(c.description)}`),
    ...node.options.map((o) => {
      const flags = o.names.map((name) => name.startsWith("--") ? `-l ${name.slice(2)}` : `-s ${name.slice(1)}`);
      const value = o.takesPath ? " -r -F" : o.takesValue ? " -x" : "";
      return `complete -c ${program2} ${at(node)} ${flags.join(" ")}${value} -d ${fishQuote(o.description)}`;
    }),
    ...node.values.length > 0 ? [`complete -c ${program2} ${at(node)} -a ${fishQuote(words(node.values))}`] : []
  ]);
  return `# fish completion for ${program2}, made from its commands by \`${program2} completion fish\`.
# Load it with: ${program2} completion fish | source   (or save it as ~/.config/fish/completions/${program2}.fish)
${table("commands", (n) => n.commands.map((c) => c.name))}
${table("valued", (n) => optionNames(n, (o) => o.takesValue))}
# The command the words typed so far lead to; "--" and "-- ARGS" after exec's --.
function ${fn}_path
    set -l path ${fishQuote(program2)}
    set -l skip 0
    set -l tokens (commandline -opc)
    set -e tokens[1]
    for i in (seq (count $tokens))
        set -l word $tokens[$i]
        if test $skip = 1
            set skip 0
        else if test "$word" = --
            test $i = (count $tokens); and echo -- --; or echo -- '-- ARGS'
            return
        else if string match -q -- '-*' $word
            if not string match -q -- '*=*' $word; and contains -- $word (${fn}_valued $path)
                set skip 1
            end
        else if contains -- $word (${fn}_commands $path)
            set path "$path $word"
        end
    end
    echo -- $path
end
function ${fn}_at
    set -l path (${fn}_path)
    test "$path" = "$argv[1]"
end
complete -c ${program2} -f
${lines.join("\n")}
complete -c ${program2} -n ${fishQuote(`${fn}_at --`)} -a '(__fish_complete_command)'
complete -c ${program2} -n ${fishQuote(`${fn}_at '-- ARGS'`)} -F
`;
}
var psQuote = (text) => `'${text.replaceAll("'", "''")}'`;
function powershell(nodes, program2) {
  const entries = (list) => `@(${list.map((e) => `@{ n = ${psQuote(e.name)}; d = ${psQuote(e.description || e.name)} }`).join(", ")})`;
  const table = (list) => nodes.map((n) => [n.path, list(n)]).filter((row) => row[1] !== void 0).map(([path, value]) => `        ${psQuote(path)} = ${value}`).join("\n");
  const strings = (list) => list.length > 0 ? `@(${list.map(psQuote).join(", ")})` : void 0;
  return `# PowerShell completion for ${program2}, made from its commands by \`${program2} completion powershell\`.
# Load it with: ${program2} completion powershell | Out-String | Invoke-Expression   (e.g. in $PROFILE)
Register-ArgumentCompleter -Native -CommandName ${psQuote(program2)} -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $commands = @{
${table((n) => n.commands.length > 0 ? entries(n.commands) : void 0)}
    }
    $options = @{
${table((n) => entries(n.options.flatMap((o) => o.names.map((name) => ({ name, description: o.description })))))}
    }
    $valued = @{
${table((n) => strings(optionNames(n, (o) => o.takesValue)))}
    }
    $values = @{
${table((n) => strings(n.values))}
    }
    $path = ${psQuote(program2)}
    $skip = $false
    $typed = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -lt $cursorPosition } | ForEach-Object { $_.Extent.Text })
    foreach ($word in ($typed | Select-Object -Skip 1)) {
        if ($skip) { $skip = $false; continue }
        # What follows -- is a command of its own (exec): PowerShell completes it.
        if ($word -eq '--') { return }
        if ($word.StartsWith('-')) {
            if (-not $word.Contains('=') -and $valued[$path] -contains $word) { $skip = $true }
        } elseif (@($commands[$path] | ForEach-Object { $_.n }) -contains $word) {
            $path = "$path $word"
        }
    }
    # A value of an option: PowerShell's own (path) completion.
    if ($skip) { return }
    if ($wordToComplete.StartsWith('-')) {
        $candidates = @($options[$path])
        $type = 'ParameterName'
    } else {
        $candidates = @($commands[$path]) + @($values[$path] | ForEach-Object { @{ n = $_; d = $_ } })
        $type = 'ParameterValue'
    }
    # @($null) is one $null, and $null piped on is one too: both are left out here.
    $candidates | Where-Object { $_ -and $_.n -and $_.n -like "$wordToComplete*" } | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_.n, $_.n, $type, $_.d)
    }
}
`;
}
function completionScript(shell, program2) {
  const nodes = completionTree(program2);
  const name = program2.name();
  const fn = `_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
  switch (shell) {
    case "bash":
      return bash(nodes, name, fn);
    case "zsh":
      return zsh(nodes, name, fn);
    case "fish":
      return fish(nodes, name, fn);
    case "powershell":
      return powershell(nodes, name);
  }
}
function parseShell(value) {
  const allowed = SHELLS.join(", ");
  if (value === void 0) throw badInput("shell", "none given", allowed);
  const shell = SHELLS.find((s) => s === value.trim().toLowerCase());
  if (shell === void 0) throw badInput("shell", `${quote(value)} is not one totp-kit completes`, allowed);
  return shell;
}
function registerCompletion(program2, io, result) {
  program2.command("completion").description("print a completion script for bash, zsh, fish or powershell, made from these commands").argument("[shell]", SHELLS.join(", ")).addHelpText(
    "after",
    [
      "",
      "Load it in your shell (e.g. in its start-up file):",
      `  bash        source <(${program2.name()} completion bash)`,
      `  zsh         source <(${program2.name()} completion zsh)      (after compinit)`,
      `  fish        ${program2.name()} completion fish | source`,
      `  powershell  ${program2.name()} completion powershell | Out-String | Invoke-Expression`
    ].join("\n")
  ).action((shell) => {
    io.out(completionScript(parseShell(shell), program2));
    result();
  });
}

// src/cli/main.ts
var VERSION = true ? "1.0.0" : "0.0.0-dev";
var USER_TOKEN_ERRORS = /* @__PURE__ */ new Set(["commander.unknownCommand", "commander.unknownOption"]);
var COMMANDER_OK = /* @__PURE__ */ new Set(["commander.helpDisplayed", "commander.help", "commander.version"]);
function wantsJsonOutput(argv) {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}
function optionDescription(option) {
  const applied = option.defaultValue !== void 0 && (option.required || option.optional);
  if (!applied) return Help.prototype.optionDescription.call(this, option);
  const rest = Object.create(option, { defaultValue: { value: void 0 } });
  const shown = option.defaultValueDescription ?? String(option.defaultValue);
  return withDefault(Help.prototype.optionDescription.call(this, rest), shown);
}
function buildProgram(io, result, argv, state) {
  const program2 = new Command("totp-kit").description("One-time passwords for automation: codes, verification and provisioned TOTP keys.").version(VERSION, "-v, --version", "print the version (also -V)").addOption(new Option("-V").hideHelp()).helpOption("-h, --help", "show help").option("--json", "print one JSON object instead of text, also for a failure").option(
    "--store <ref>",
    withDefault(
      "the store: file:PATH, aws-sm:PREFIX or postgres:VAR (VAR holds the connection URL)",
      "$TOTP_KIT_STORE",
      "else file:./.totp-kit/store.json"
    )
  ).option("--debug", "print stack traces of failures").exitOverride().showSuggestionAfterError().configureHelp({ showGlobalOptions: true, optionDescription }).configureOutput({
    writeOut: (s) => io.out(s),
    // Under --json the refusal is the JSON object: help printed for want of a subcommand is left out.
    writeErr: (s) => {
      if (!state.json) io.err(s);
    },
    outputError: () => {
    }
  });
  program2.on("option:V", () => {
    io.out(`${VERSION}
`);
    throw new CommanderError(0, "commander.version", VERSION);
  });
  program2.on("beforeAllHelp", (context) => {
    if (context.error) state.helpRefusal = context.command;
  });
  registerCode(program2, io, result);
  registerVerify(program2, io, result);
  registerExec(program2, io, result, argv);
  registerCheck(program2, io, result);
  registerKey(program2, io, result);
  registerMethod(program2, io, result);
  registerDeclarations(program2, io, result);
  registerDemo(program2, io, result);
  registerCompletion(program2, io, result);
  program2.addHelpText(
    "after",
    "\nExit codes: 0 done or valid, 1 invalid or refused code, 2 bad input, 3 backend failure.\nSeeds on the command line show in `ps`: prefer --from env:NAME or --from file:PATH."
  );
  return program2;
}
function commandPath(command) {
  const names = [];
  for (let c = command; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}
function shownProblems(e, lines) {
  return e.problems.map((p, i) => {
    const suffix = formatProblem(p, "");
    const line = lines.length === e.problems.length ? lines[i] : void 0;
    const setting = line?.endsWith(suffix) && line.length > suffix.length ? line.slice(0, -suffix.length) : flagOf(p.setting);
    return p.allowed === void 0 ? { setting, problem: p.problem } : { setting, problem: p.problem, allowed: p.allowed };
  });
}
function describeFailure(e, state) {
  const badInput2 = { exitCode: EXIT_CODES["bad-input"], kind: "bad-input", code: "E_BAD_INPUT" };
  if (e instanceof CommanderError) {
    if (COMMANDER_OK.has(e.code)) {
      if (e.exitCode === 0) return { ...badInput2, exitCode: EXIT_CODES.ok, printed: true, lines: [], problems: [] };
      const command = state.helpRefusal;
      const names = command ? command.commands.map((c) => c.name()) : [];
      const problem = {
        setting: "command",
        problem: `none given after ${command ? commandPath(command) : "totp-kit"}`,
        allowed: names.join(", ")
      };
      return { ...badInput2, printed: !state.json, lines: [formatProblem(problem)], problems: [problem] };
    }
    let message = e.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ");
    if (USER_TOKEN_ERRORS.has(e.code)) {
      message = message.replace(
        /'([^']*)'/,
        (quoted, token) => isSafeToPrint(token.replace(/^-+/, "")) ? quoted : "(not printed: it could be a seed)"
      );
    }
    return { ...badInput2, lines: [`${message} (see totp-kit --help)`], problems: [] };
  }
  if (e instanceof TotpKitError) {
    const lines = e.message.split("\n");
    return {
      exitCode: EXIT_CODES[e.kind],
      code: e.code,
      kind: e.kind,
      lines,
      problems: shownProblems(e, lines),
      stack: e.stack
    };
  }
  return {
    exitCode: EXIT_CODES.backend,
    code: "E_UNEXPECTED",
    kind: "backend",
    lines: [
      `unexpected failure: ${errorMessage(e).split("\n")[0]}${state.debug ? "" : " (run with --debug for details)"}`
    ],
    problems: [],
    stack: e instanceof Error ? e.stack : void 0
  };
}
function reportFailure(e, io, state) {
  const failure2 = describeFailure(e, state);
  if (failure2.printed) return failure2.exitCode;
  try {
    if (state.json) {
      const { code, kind, lines, problems } = failure2;
      const json = { error: { code, kind, message: lines.join("\n"), problems } };
      io.out(`${JSON.stringify(json)}
`);
    } else {
      for (const line of failure2.lines) io.err(`totp-kit: ${line}
`);
    }
    if (state.debug && failure2.stack) io.err(`${failure2.stack}
`);
  } catch (printing) {
    if (!isBrokenPipe(printing)) throw printing;
  }
  return failure2.exitCode;
}
async function main(argv, io) {
  let exitCode = EXIT_CODES.ok;
  const state = {
    json: wantsJsonOutput(argv),
    debug: argv.includes("--debug") || io.env.TOTP_KIT_DEBUG === "1"
  };
  const program2 = buildProgram(
    io,
    (code = EXIT_CODES.ok) => {
      exitCode = code;
    },
    argv,
    state
  );
  try {
    if (argv.length === 0) {
      io.err(program2.helpInformation());
      return EXIT_CODES["bad-input"];
    }
    await program2.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (e) {
    if (isBrokenPipe(e)) return exitCode;
    return reportFailure(e, io, state);
  }
}

// src/cli/index.ts
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
process.exitCode = await main(process.argv.slice(2), processIo());
