# EKS Tutor: one static binary with every chapter, diagram and asset
# embedded. Build: docker build -t ekstutor .   Run: docker run -p 8080:8080 ekstutor

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# CGO off gives a static binary that runs on distroless/static.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/ekstutor ./cmd/ekstutor

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/ekstutor /ekstutor
USER nonroot:nonroot
EXPOSE 8080
ENV EKSTUTOR_ADDR=:8080 EKSTUTOR_LOG_FORMAT=json
# The binary checks itself: the image has no shell and no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 CMD ["/ekstutor", "-healthcheck"]
ENTRYPOINT ["/ekstutor"]
