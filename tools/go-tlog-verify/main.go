// Command go-tlog-verify checks a Comity node's ledger with nothing but the Go standard library and the Go
// project's own transparency-log packages (golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog): a
// signed checkpoint, an inclusion proof of one entry, a consistency proof between two checkpoints, or an offline
// receipt. It shares no code with Comity; docs/ledger.md specifies the formats it reads.
//
// Build offline with Debian's packages (apt-get install golang-go golang-golang-x-mod-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o go-tlog-verify ./tools/go-tlog-verify
//
// Usage:
//
//	go-tlog-verify -vkey VKEY|-vkey-file FILE -checkpoint NOTE [-inclusion PROOF.json] [-old-checkpoint NOTE -consistency PROOF.json]
//	go-tlog-verify -vkey VKEY|-vkey-file FILE -receipt RECEIPT.json
//
// Exit status: 0 when everything given verifies, 1 when something does not (one line on stderr), 2 on usage errors.
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// checkpoint is the body of a C2SP tlog-checkpoint: origin, tree size, root hash (extension lines are ignored).
type checkpoint struct {
	Origin string
	Size   int64
	Root   tlog.Hash
}

// inclusion is GET /api/v1/ledger/proofs/inclusion plus the leaf (as printed by "comity ledger prove").
type inclusion struct {
	Index    *int64   `json:"index"`
	Size     *int64   `json:"size"`
	RootHash string   `json:"rootHash"`
	Proof    []string `json:"proof"`
	Leaf     string   `json:"leaf"`
}

// consistency is GET /api/v1/ledger/proofs/consistency.
type consistency struct {
	From  *int64   `json:"from"`
	To    *int64   `json:"to"`
	Proof []string `json:"proof"`
}

// receipt is an offline receipt (GET /api/v1/ledger/receipts/{index}, "comity ledger receipt").
type receipt struct {
	V          int      `json:"v"`
	Index      string   `json:"index"`
	Leaf       string   `json:"leaf"`
	Proof      []string `json:"proof"`
	Checkpoint string   `json:"checkpoint"`
}

// entry holds the fields of a ledger entry this program reports and checks.
type entry struct {
	Seq    *int64 `json:"seq"`
	At     string `json:"at"`
	Node   string `json:"node"`
	Actor  string `json:"actor"`
	Action string `json:"action"`
	Object struct {
		Type string `json:"type"`
		ID   string `json:"id"`
	} `json:"object"`
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	err := run(os.Args[1:])
	if err == nil {
		return
	}
	fmt.Fprintf(os.Stderr, "go-tlog-verify: %v\n", err)
	var u usageError
	if errors.As(err, &u) {
		os.Exit(2)
	}
	os.Exit(1)
}

func run(args []string) error {
	fs := flag.NewFlagSet("go-tlog-verify", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	vkey := fs.String("vkey", "", "the node's verifier key (name+keyid+base64key)")
	vkeyFile := fs.String("vkey-file", "", "file holding the verifier key")
	cpFile := fs.String("checkpoint", "", "signed checkpoint note (GET /api/v1/ledger/checkpoint)")
	incFile := fs.String("inclusion", "", "inclusion proof JSON {index,size,rootHash,proof,leaf} in the tree of -checkpoint")
	oldFile := fs.String("old-checkpoint", "", "an earlier signed checkpoint note")
	conFile := fs.String("consistency", "", "consistency proof JSON {from,to,proof} from -old-checkpoint to -checkpoint")
	rcFile := fs.String("receipt", "", "offline receipt JSON {v,index,leaf,proof,checkpoint}")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	if (*vkey == "") == (*vkeyFile == "") {
		return usageError{"give the verifier key with exactly one of -vkey or -vkey-file"}
	}
	if *cpFile == "" && *rcFile == "" {
		return usageError{"nothing to verify: give -checkpoint (with -inclusion and/or -old-checkpoint and -consistency) or -receipt"}
	}
	if (*oldFile == "") != (*conFile == "") {
		return usageError{"-old-checkpoint and -consistency go together"}
	}
	if (*incFile != "" || *conFile != "") && *cpFile == "" {
		return usageError{"-inclusion and -consistency need -checkpoint"}
	}
	key := *vkey
	if *vkeyFile != "" {
		b, err := os.ReadFile(*vkeyFile)
		if err != nil {
			return err
		}
		key = strings.TrimSpace(string(b))
	}
	verifier, err := note.NewVerifier(key)
	if err != nil {
		return fmt.Errorf("verifier key: %v", err)
	}

	if *cpFile != "" {
		cp, err := readCheckpoint(*cpFile, verifier)
		if err != nil {
			return fmt.Errorf("%s: %v", *cpFile, err)
		}
		fmt.Printf("ok: checkpoint of %s at size %d, root %s, signed by %s\n", cp.Origin, cp.Size, cp.Root, verifier.Name())
		if *incFile != "" {
			if err := checkInclusion(*incFile, cp); err != nil {
				return fmt.Errorf("%s: %v", *incFile, err)
			}
		}
		if *conFile != "" {
			old, err := readCheckpoint(*oldFile, verifier)
			if err != nil {
				return fmt.Errorf("%s: %v", *oldFile, err)
			}
			if err := checkConsistency(*conFile, old, cp); err != nil {
				return fmt.Errorf("%s: %v", *conFile, err)
			}
		}
	}
	if *rcFile != "" {
		if err := checkReceipt(*rcFile, verifier); err != nil {
			return fmt.Errorf("%s: %v", *rcFile, err)
		}
	}
	return nil
}

// openCheckpoint verifies the note's signature with the one trusted key, then parses the checkpoint body.
func openCheckpoint(msg []byte, v note.Verifier) (checkpoint, error) {
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		return checkpoint{}, fmt.Errorf("signature: %v", err)
	}
	cp, err := parseCheckpoint(n.Text)
	if err != nil {
		return checkpoint{}, err
	}
	if cp.Origin != v.Name() {
		return checkpoint{}, fmt.Errorf("checkpoint origin %q is not the key name %q", cp.Origin, v.Name())
	}
	return cp, nil
}

func readCheckpoint(file string, v note.Verifier) (checkpoint, error) {
	msg, err := os.ReadFile(file)
	if err != nil {
		return checkpoint{}, err
	}
	return openCheckpoint(msg, v)
}

// parseCheckpoint parses "origin\nsize\nbase64(root)\n[extension lines\n]" strictly (c2sp.org/tlog-checkpoint).
func parseCheckpoint(text string) (checkpoint, error) {
	if !strings.HasSuffix(text, "\n") {
		return checkpoint{}, errors.New("checkpoint does not end with a newline")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) < 3 || lines[0] == "" {
		return checkpoint{}, errors.New("checkpoint needs origin, size and root hash lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return checkpoint{}, fmt.Errorf("bad tree size %q", lines[1])
	}
	root, err := decodeHash(lines[2])
	if err != nil {
		return checkpoint{}, fmt.Errorf("root hash: %v", err)
	}
	return checkpoint{Origin: lines[0], Size: size, Root: root}, nil
}

func decodeHash(s string) (tlog.Hash, error) {
	b, err := base64.StdEncoding.Strict().DecodeString(s)
	if err != nil || len(b) != tlog.HashSize || base64.StdEncoding.EncodeToString(b) != s {
		return tlog.Hash{}, fmt.Errorf("%q is not the base64 of a 32-byte hash", s)
	}
	var h tlog.Hash
	copy(h[:], b)
	return h, nil
}

func decodeHashes(list []string) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, 0, len(list))
	for _, s := range list {
		h, err := decodeHash(s)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

func readJSON(file string, v interface{}) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("not the expected JSON: %v", err)
	}
	return nil
}

// checkLeaf proves leaf at index in the tree (size, root) and checks that the entry names this log and position.
func checkLeaf(leafB64 string, proofB64 []string, index int64, size int64, root tlog.Hash, origin string) (entry, error) {
	leaf, err := base64.StdEncoding.Strict().DecodeString(leafB64)
	if err != nil || len(leaf) == 0 {
		return entry{}, errors.New("leaf is not base64")
	}
	proof, err := decodeHashes(proofB64)
	if err != nil {
		return entry{}, fmt.Errorf("proof: %v", err)
	}
	if err := tlog.CheckRecord(tlog.RecordProof(proof), size, root, index, tlog.RecordHash(leaf)); err != nil {
		return entry{}, fmt.Errorf("entry %d is not proven in the tree of size %d: %v", index, size, err)
	}
	var e entry
	if err := json.Unmarshal(leaf, &e); err != nil {
		return entry{}, fmt.Errorf("the proven leaf is not a JSON entry: %v", err)
	}
	if e.Seq == nil || *e.Seq != index {
		return entry{}, fmt.Errorf("the proven leaf is not entry %d", index)
	}
	if e.Node != origin {
		return entry{}, fmt.Errorf("the proven entry belongs to another log (%q)", e.Node)
	}
	return e, nil
}

func checkInclusion(file string, cp checkpoint) error {
	var p inclusion
	if err := readJSON(file, &p); err != nil {
		return err
	}
	if p.Index == nil || p.Size == nil || p.Leaf == "" || p.Proof == nil {
		return errors.New("an inclusion proof needs index, size, proof and leaf")
	}
	if *p.Size != cp.Size {
		return fmt.Errorf("the proof is for the tree of size %d, the checkpoint is of size %d", *p.Size, cp.Size)
	}
	if p.RootHash != "" && p.RootHash != base64.StdEncoding.EncodeToString(cp.Root[:]) {
		return errors.New("the proof's rootHash is not the signed root")
	}
	e, err := checkLeaf(p.Leaf, p.Proof, *p.Index, cp.Size, cp.Root, cp.Origin)
	if err != nil {
		return err
	}
	fmt.Printf("ok: entry %d (%s %s/%s by %s at %s) is in the signed tree of size %d\n", *p.Index, e.Action, e.Object.Type, e.Object.ID, e.Actor, e.At, cp.Size)
	return nil
}

func checkConsistency(file string, old, cp checkpoint) error {
	var p consistency
	if err := readJSON(file, &p); err != nil {
		return err
	}
	if p.From == nil || p.To == nil || p.Proof == nil {
		return errors.New("a consistency proof needs from, to and proof")
	}
	if *p.From != old.Size || *p.To != cp.Size {
		return fmt.Errorf("the proof runs from %d to %d, the checkpoints are of sizes %d and %d", *p.From, *p.To, old.Size, cp.Size)
	}
	proof, err := decodeHashes(p.Proof)
	if err != nil {
		return fmt.Errorf("proof: %v", err)
	}
	if old.Size == cp.Size {
		if len(proof) != 0 || old.Root != cp.Root {
			return fmt.Errorf("two checkpoints of size %d with different roots: the log forked", cp.Size)
		}
	} else if err := tlog.CheckTree(tlog.TreeProof(proof), cp.Size, cp.Root, old.Size, old.Root); err != nil {
		return fmt.Errorf("the tree of size %d does not extend the tree of size %d: %v", cp.Size, old.Size, err)
	}
	fmt.Printf("ok: the signed tree of size %d extends the signed tree of size %d\n", cp.Size, old.Size)
	return nil
}

func checkReceipt(file string, v note.Verifier) error {
	var r receipt
	if err := readJSON(file, &r); err != nil {
		return err
	}
	if r.V != 1 {
		return fmt.Errorf("unsupported receipt version %d", r.V)
	}
	index, err := strconv.ParseInt(r.Index, 10, 64)
	if err != nil || index < 0 || strconv.FormatInt(index, 10) != r.Index {
		return fmt.Errorf("bad index %q", r.Index)
	}
	cp, err := openCheckpoint([]byte(r.Checkpoint), v)
	if err != nil {
		return fmt.Errorf("checkpoint: %v", err)
	}
	e, err := checkLeaf(r.Leaf, r.Proof, index, cp.Size, cp.Root, cp.Origin)
	if err != nil {
		return err
	}
	fmt.Printf("ok: receipt: entry %d (%s %s/%s by %s at %s) is in the tree of size %d signed by %s\n", index, e.Action, e.Object.Type, e.Object.ID, e.Actor, e.At, cp.Size, v.Name())
	return nil
}
