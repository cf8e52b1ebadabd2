# From the EKS user guide: restrict the public endpoint, then turn on private access.
aws eks update-cluster-config \
    --region region-code \
    --name my-cluster \
    --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs="203.0.113.5/32",endpointPrivateAccess=true

aws eks describe-update --region region-code --name my-cluster --update-id e6f0905f-a5d4-4a2a-8c49-EXAMPLE00000

aws ec2 modify-vpc-attribute --vpc-id vpc-a01106c2 --enable-dns-hostnames "{\"Value\":true}"
aws ec2 create-vpc-endpoint --vpc-id vpc-a01106c2 --service-name com.amazonaws.us-west-2.sts --vpc-endpoint-type Interface
