// Command checkpoint-compat proves that HashiCorp's real, unmodified
// go-checkpoint 0.5.0 (Debian's golang-github-hashicorp-go-checkpoint-dev)
// works against our Checkpoint server.
//
// go-checkpoint has a fixed host (https://checkpoint-api.hashicorp.com), so
// this program, in one process, creates a throwaway CA and a certificate for
// that host, trusts the CA through SSL_CERT_FILE, runs a loopback CONNECT
// proxy that terminates TLS and forwards the plain HTTP requests to -server,
// points HTTPS_PROXY at it and then calls checkpoint.Check, Report and
// Versions. It finally fetches /v1/check directly and decodes it in the shape
// go-checkpoint master expects (current_release).
//
// Build (GOPATH mode, no modules):
//
//	GO111MODULE=off GOPATH=$(mktemp -d):/usr/share/gocode \
//	    go build -o /tmp/checkpoint-compat ./src/test/go/checkpoint-compat
package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	checkpoint "github.com/hashicorp/go-checkpoint"
)

// checkpointHost is the host go-checkpoint 0.5.0 always talks to.
const checkpointHost = "checkpoint-api.hashicorp.com"

var (
	flagServer         = flag.String("server", "http://127.0.0.1:8080", "base URL of our server (may carry a path prefix)")
	flagServerInsecure = flag.Bool("server-insecure", false, "skip TLS verification when -server is https")
	flagProduct        = flag.String("product", "", "product name (required)")
	flagVersion        = flag.String("version", "", "client version sent by Check/Report")
	flagSignature      = flag.String("signature", "", "signature sent by Check/Report (may be empty)")
	flagCurrent        = flag.String("expect-current-version", "", "expected current_version")
	flagOutdated       = flag.Bool("expect-outdated", false, "expected outdated")
	flagReleaseDate    = flag.Int64("expect-release-date", 0, "expected current_release(_date), Unix seconds")
	flagDownloadURL    = flag.String("expect-download-url", "", "expected current_download_url")
	flagAlertIDs       = flag.String("expect-alert-ids", "", "expected alert ids, comma separated (order ignored)")
	flagService        = flag.String("service", "", "service for Versions (required)")
	flagMin            = flag.String("expect-min", "", "expected versions minimum")
	flagMax            = flag.String("expect-max", "", "expected versions maximum")
	flagExcluding      = flag.String("expect-excluding", "", "expected versions excluding, comma separated (order kept)")
	flagTimeout        = flag.Duration("timeout", 60*time.Second, "overall time limit")
)

var tmpDir string

// fail reports a failed step and exits with status 1.
func fail(step, format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "FAIL %s: %s\n", step, fmt.Sprintf(format, args...))
	cleanup()
	os.Exit(1)
}

func cleanup() {
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
}

func main() {
	flag.Parse()
	if *flagProduct == "" || *flagService == "" {
		fail("flags", "-product and -service are required")
	}
	time.AfterFunc(*flagTimeout, func() { fail("timeout", "not done after %s", *flagTimeout) })

	server, err := url.Parse(strings.TrimRight(*flagServer, "/"))
	if err != nil || (server.Scheme != "http" && server.Scheme != "https") || server.Host == "" {
		fail("flags", "bad -server %q", *flagServer)
	}
	wantAlerts, err := parseIDs(*flagAlertIDs)
	if err != nil {
		fail("flags", "bad -expect-alert-ids: %v", err)
	}

	// Direct (unproxied) transport to our server, used by the proxy and by the
	// master-shape step. Go loads its roots once, after SSL_CERT_FILE points at
	// the throwaway CA, so an https -server needs -server-insecure.
	direct := &http.Transport{
		Proxy:               nil,
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     30 * time.Second,
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: *flagServerInsecure},
	}

	// 1. Throwaway CA + leaf certificate; trust the CA via SSL_CERT_FILE.
	tmpDir, err = os.MkdirTemp("", "checkpoint-compat-")
	if err != nil {
		fail("setup", "%v", err)
	}
	leaf, caPEM, err := makeCerts()
	if err != nil {
		fail("setup", "certificates: %v", err)
	}
	caFile := filepath.Join(tmpDir, "ca.pem")
	if err := os.WriteFile(caFile, caPEM, 0o600); err != nil {
		fail("setup", "%v", err)
	}

	// 2. Loopback CONNECT proxy.
	p := &proxy{upstream: server, transport: direct, cert: leaf}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail("setup", "listen: %v", err)
	}
	go (&http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}).Serve(ln)

	// 3. Environment, before the first HTTP/TLS use (Go caches both).
	setenv := func(k, v string) {
		if err := os.Setenv(k, v); err != nil {
			fail("setup", "setenv %s: %v", k, err)
		}
	}
	setenv("SSL_CERT_FILE", caFile)
	setenv("SSL_CERT_DIR", "")
	setenv("HTTPS_PROXY", "http://"+ln.Addr().String())
	setenv("CHECKPOINT_ENABLE", "1")
	for _, k := range []string{"https_proxy", "NO_PROXY", "no_proxy", "CHECKPOINT_TIMEOUT", "CHECKPOINT_DISABLE"} {
		os.Unsetenv(k) // keep the library's default timeouts and make sure it uses our proxy
	}

	stepCheck(p, wantAlerts)
	stepReport(p)
	stepVersions(p)
	stepMasterShape(direct, server, wantAlerts)
	cleanup()
}

// 4. checkpoint.Check through the proxy.
func stepCheck(p *proxy, wantAlerts []int) {
	const step = "check"
	start := time.Now()
	r, err := checkpoint.Check(&checkpoint.CheckParams{
		Product:   *flagProduct,
		Version:   *flagVersion,
		Signature: *flagSignature,
	})
	if err != nil {
		fail(step, "checkpoint.Check: %v", err)
	}
	p.mustHaveSeen(step, "GET", "/v1/check/"+*flagProduct)
	if r.Product != *flagProduct {
		fail(step, "product = %q, want %q", r.Product, *flagProduct)
	}
	if r.CurrentVersion != *flagCurrent {
		fail(step, "current_version = %q, want %q", r.CurrentVersion, *flagCurrent)
	}
	if r.Outdated != *flagOutdated {
		fail(step, "outdated = %v, want %v", r.Outdated, *flagOutdated)
	}
	// 0.5.0 decodes "current_release_date" into an int field.
	if int64(r.CurrentReleaseDate) != *flagReleaseDate {
		fail(step, "current_release_date = %d, want %d", r.CurrentReleaseDate, *flagReleaseDate)
	}
	if r.CurrentDownloadURL != *flagDownloadURL {
		fail(step, "current_download_url = %q, want %q", r.CurrentDownloadURL, *flagDownloadURL)
	}
	var ids []int
	for i, a := range r.Alerts {
		if a == nil {
			fail(step, "alerts[%d] is null", i)
		}
		if a.Level == "" || a.Message == "" {
			fail(step, "alert %d has empty level or message: %+v", a.ID, *a)
		}
		ids = append(ids, a.ID)
	}
	if !sameIDs(ids, wantAlerts) {
		fail(step, "alert ids = %v, want %v", ids, wantAlerts)
	}
	fmt.Printf("ok check product=%s current_version=%s outdated=%v current_release_date=%d alerts=%v (%s)\n",
		r.Product, r.CurrentVersion, r.Outdated, r.CurrentReleaseDate, ids, time.Since(start).Round(time.Millisecond))
}

// 5. checkpoint.Report through the proxy (the library wants exactly 201).
func stepReport(p *proxy) {
	const step = "report"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second) // Report has no timeout of its own
	defer cancel()
	end := time.Now().UTC()
	err := checkpoint.Report(ctx, &checkpoint.ReportParams{
		Product:       *flagProduct,
		Version:       *flagVersion,
		Signature:     *flagSignature,
		RunID:         "checkpoint-compat-" + strconv.FormatInt(end.UnixNano(), 36),
		StartTime:     end.Add(-1500 * time.Millisecond),
		EndTime:       end,
		SchemaVersion: "1",
		Payload:       map[string]interface{}{"command": "compat-test", "exit_code": 0, "flags": []string{"-a", "-b"}},
	})
	if err != nil {
		fail(step, "checkpoint.Report: %v", err)
	}
	x := p.mustHaveSeen(step, "POST", "/v1/telemetry/"+*flagProduct)
	ct := x.reqContentType
	if ct == "" {
		ct = "none"
	}
	fmt.Printf("ok report status=%d request-content-type=%s\n", x.status, ct)
}

// 6. checkpoint.Versions through the proxy.
func stepVersions(p *proxy) {
	const step = "versions"
	r, err := checkpoint.Versions(&checkpoint.VersionsParams{Service: *flagService, Product: *flagProduct})
	if err != nil {
		fail(step, "checkpoint.Versions: %v", err)
	}
	p.mustHaveSeen(step, "GET", "/v1/versions/"+*flagService)
	if r.Minimum != *flagMin || r.Maximum != *flagMax {
		fail(step, "minimum/maximum = %q/%q, want %q/%q", r.Minimum, r.Maximum, *flagMin, *flagMax)
	}
	want := splitList(*flagExcluding)
	if strings.Join(r.Excluding, ",") != strings.Join(want, ",") || len(r.Excluding) != len(want) {
		fail(step, "excluding = %q, want %q", r.Excluding, want)
	}
	fmt.Printf("ok versions service=%s product=%s minimum=%s maximum=%s excluding=%v\n",
		r.Service, r.Product, r.Minimum, r.Maximum, r.Excluding)
}

// masterCheck is the check response as go-checkpoint master decodes it
// (release date under "current_release"), plus the 0.5.0 key.
type masterCheck struct {
	Product             string `json:"product"`
	CurrentVersion      string `json:"current_version"`
	CurrentRelease      int64  `json:"current_release"`
	CurrentReleaseDate  int64  `json:"current_release_date"`
	CurrentDownloadURL  string `json:"current_download_url"`
	CurrentChangelogURL string `json:"current_changelog_url"`
	ProjectWebsite      string `json:"project_website"`
	Outdated            bool   `json:"outdated"`
	Alerts              []struct {
		ID      int    `json:"id"`
		Date    int    `json:"date"`
		Message string `json:"message"`
		URL     string `json:"url"`
		Level   string `json:"level"`
	} `json:"alerts"`
}

// 7. Direct GET of /v1/check, decoded in go-checkpoint master's shape.
func stepMasterShape(direct *http.Transport, server *url.URL, wantAlerts []int) {
	const step = "master-shape"
	q := url.Values{}
	q.Set("version", *flagVersion)
	q.Set("arch", runtime.GOARCH)
	q.Set("os", runtime.GOOS)
	q.Set("signature", *flagSignature)
	u := *server
	u.Path = strings.TrimRight(server.Path, "/") + "/v1/check/" + *flagProduct
	u.RawQuery = q.Encode()

	req, _ := http.NewRequest("GET", u.String(), nil)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "HashiCorp/go-checkpoint")
	resp, err := (&http.Client{Transport: direct, Timeout: 3 * time.Second}).Do(req)
	if err != nil {
		fail(step, "GET %s: %v", u.String(), err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		fail(step, "reading body: %v", err)
	}
	if resp.StatusCode != 200 {
		fail(step, "status %d, want exactly 200", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		fail(step, "Content-Type %q, want application/json", ct)
	}

	// Typed decode: a string where Go expects a number fails here.
	var m masterCheck
	dec := json.NewDecoder(strings.NewReader(string(body)))
	if err := dec.Decode(&m); err != nil {
		fail(step, "decoding into typed struct: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		fail(step, "trailing data after the JSON object")
	}
	// Every key a Go client reads must be present and non-null (null silently decodes to the zero value).
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		fail(step, "decoding as object: %v", err)
	}
	for _, k := range []string{"product", "current_version", "current_release", "current_release_date",
		"current_download_url", "current_changelog_url", "project_website", "outdated", "alerts"} {
		if v, ok := raw[k]; !ok || string(v) == "null" {
			fail(step, "key %q missing or null", k)
		}
	}

	if m.CurrentRelease != *flagReleaseDate || m.CurrentReleaseDate != *flagReleaseDate {
		fail(step, "current_release = %d, current_release_date = %d, want both %d",
			m.CurrentRelease, m.CurrentReleaseDate, *flagReleaseDate)
	}
	if m.Product != *flagProduct || m.CurrentVersion != *flagCurrent || m.Outdated != *flagOutdated ||
		m.CurrentDownloadURL != *flagDownloadURL {
		fail(step, "product/current_version/outdated/current_download_url = %q/%q/%v/%q, want %q/%q/%v/%q",
			m.Product, m.CurrentVersion, m.Outdated, m.CurrentDownloadURL,
			*flagProduct, *flagCurrent, *flagOutdated, *flagDownloadURL)
	}
	var ids []int
	for _, a := range m.Alerts {
		if a.Level == "" || a.Message == "" {
			fail(step, "alert %d has empty level or message", a.ID)
		}
		ids = append(ids, a.ID)
	}
	// The server may suppress alerts already delivered to a signature, and the
	// Check step just delivered them: with a signature, require only a subset.
	if *flagSignature == "" && !sameIDs(ids, wantAlerts) {
		fail(step, "alert ids = %v, want %v", ids, wantAlerts)
	}
	if *flagSignature != "" && !subsetIDs(ids, wantAlerts) {
		fail(step, "alert ids = %v, not a subset of %v", ids, wantAlerts)
	}
	fmt.Printf("ok master-shape status=200 current_release=%d current_release_date=%d alerts=%v\n",
		m.CurrentRelease, m.CurrentReleaseDate, ids)
}

// exchange is one request seen inside the CONNECT tunnel.
type exchange struct {
	method, path, reqContentType string
	status                       int
}

// proxy is a CONNECT proxy for checkpointHost:443 that terminates TLS and
// forwards each plain HTTP request in the tunnel to upstream.
type proxy struct {
	upstream  *url.URL
	transport *http.Transport
	cert      tls.Certificate

	mu   sync.Mutex
	seen []exchange
}

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodConnect || r.Host != checkpointHost+":443" {
		http.Error(w, "only CONNECT "+checkpointHost+":443", http.StatusForbidden)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "no hijack", http.StatusInternalServerError)
		return
	}
	conn, brw, err := hj.Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "HTTP/1.1 200 Connection Established\r\n\r\n"); err != nil {
		return
	}
	// Bytes the server already buffered belong to the TLS handshake.
	tconn := tls.Server(&bufferedConn{Conn: conn, r: brw.Reader}, &tls.Config{
		Certificates: []tls.Certificate{p.cert},
		NextProtos:   []string{"http/1.1"}, // the client offers h2; keep HTTP/1.1 in the tunnel
		MinVersion:   tls.VersionTLS12,
	})
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if err := tconn.Handshake(); err != nil {
		fmt.Fprintf(os.Stderr, "proxy: TLS handshake: %v\n", err)
		return
	}
	br := bufio.NewReader(tconn)
	for { // keep-alive: serve requests until the client closes or asks to
		conn.SetDeadline(time.Now().Add(30 * time.Second))
		req, err := http.ReadRequest(br)
		if err != nil {
			return // EOF or broken tunnel
		}
		if !p.forward(tconn, req) || req.Close {
			return
		}
	}
}

// hopHeaders are connection-level headers that must not be forwarded.
var hopHeaders = []string{"Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authenticate",
	"Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade"}

// forward sends req to the upstream server and streams the response to w.
// It reports whether the tunnel may carry another request.
func (p *proxy) forward(w io.Writer, req *http.Request) bool {
	out := req.Clone(context.Background())
	out.RequestURI = ""
	out.Close = false
	out.URL.Scheme = p.upstream.Scheme
	out.URL.Host = p.upstream.Host
	out.URL.Path = strings.TrimRight(p.upstream.Path, "/") + req.URL.Path
	out.URL.RawPath = ""
	out.Host = p.upstream.Host
	for _, h := range hopHeaders {
		out.Header.Del(h)
	}
	if req.ContentLength == 0 {
		out.Body = nil // keep "no body" as no body
	}

	x := exchange{method: req.Method, path: req.URL.Path, reqContentType: req.Header.Get("Content-Type")}
	resp, err := p.transport.RoundTrip(out)
	if err != nil {
		p.record(x)
		fmt.Fprintf(os.Stderr, "proxy: %s %s: %v\n", req.Method, out.URL, err)
		io.WriteString(w, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
		return false
	}
	defer resp.Body.Close()
	x.status = resp.StatusCode
	p.record(x)
	for _, h := range hopHeaders {
		if h != "Transfer-Encoding" { // resp.TransferEncoding drives Response.Write
			resp.Header.Del(h)
		}
	}
	resp.Close = req.Close
	if err := resp.Write(w); err != nil { // streams the body
		return false
	}
	return !resp.Close
}

func (p *proxy) record(x exchange) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen = append(p.seen, x)
}

// mustHaveSeen fails step unless the library's request went through the proxy.
func (p *proxy) mustHaveSeen(step, method, path string) exchange {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := len(p.seen) - 1; i >= 0; i-- {
		if x := p.seen[i]; x.method == method && x.path == path {
			return x
		}
	}
	fail(step, "no %s %s went through the proxy", method, path)
	return exchange{}
}

// bufferedConn reads first from r (data buffered by net/http), then from Conn.
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *bufferedConn) Read(b []byte) (int, error) { return c.r.Read(b) }

// makeCerts creates a throwaway CA and a leaf certificate for checkpointHost.
func makeCerts() (tls.Certificate, []byte, error) {
	now := time.Now()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "checkpoint-compat throwaway CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leafKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leafTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: checkpointHost},
		DNSNames:     []string{checkpointHost},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leafTmpl, caCert, &leafKey.PublicKey, caKey)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leaf := tls.Certificate{Certificate: [][]byte{leafDER, caDER}, PrivateKey: leafKey}
	return leaf, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func parseIDs(s string) ([]int, error) {
	var ids []int
	for _, f := range splitList(s) {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, err
		}
		ids = append(ids, n)
	}
	return ids, nil
}

// sameIDs compares two id lists ignoring order.
func sameIDs(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := append([]int(nil), a...), append([]int(nil), b...)
	sort.Ints(x)
	sort.Ints(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// subsetIDs reports whether every id of a occurs in b (as a multiset).
func subsetIDs(a, b []int) bool {
	left := map[int]int{}
	for _, id := range b {
		left[id]++
	}
	for _, id := range a {
		if left[id] == 0 {
			return false
		}
		left[id]--
	}
	return true
}
